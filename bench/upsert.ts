/*
| Contacts in by API on SQLite: `PUT /api/v1/contacts` with 1,000 contacts a
| request (phones in mixed formats, names, ZIP, email, external id, custom
| fields, a list and a tag), one request at a time against a running
| instance. First every request with new phones, then the same requests
| again (all updates, nothing changes). The goal is ≤ 500 ms a request.
| Prints progress to stderr and one JSON line last:
|   {"requests","itemsPerRequest","newP50Ms","newP95Ms","repeatedP50Ms","repeatedP95Ms"}
|
|   npm run bench:upsert -- --requests 30 --port 3461
*/
import { parseArgs } from 'node:util'
import {
  createOwnerToken,
  log,
  percentile,
  round,
  startInstance,
  stopInstance,
  type Instance,
} from './support.ts'

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '30' },
    port: { type: 'string', default: '3461' },
  },
})
const REQUESTS = Number(values.requests)
if (!Number.isInteger(REQUESTS) || REQUESTS < 1) throw new Error('--requests must be at least 1')
const ITEMS = 1000
/** Requests before the measured ones, so first-use costs (loading code) are not measured. */
const WARMUP = 3

const AREAS = ['212', '312', '415', '503', '602', '713', '617', '404', '305', '206']
const ZIPS = ['10001', '60601', '94110', '97201', '85001', '77001', '02108', '30301']
const FORMATS = [
  (a: string, e: string, l: string) => `(${a}) ${e}-${l}`,
  (a: string, e: string, l: string) => `+1 ${a} ${e} ${l}`,
  (a: string, e: string, l: string) => `${a}.${e}.${l}`,
  (a: string, e: string, l: string) => `${a}${e}${l}`,
]

/** The request's 1,000 contacts: request `r` holds people r·1000 … r·1000+999. */
function body(request: number) {
  const contacts = Array.from({ length: ITEMS }, (_, i) => {
    const n = request * ITEMS + i
    const area = AREAS[n % AREAS.length]
    const rest = Math.floor(n / AREAS.length)
    const exchange = String(200 + (Math.floor(rest / 10_000) % 700) + (rest % 100 === 11 ? 1 : 0))
    const line = String(rest % 10_000).padStart(4, '0')
    return {
      phone: FORMATS[n % FORMATS.length](area, exchange, line),
      firstName: `Person${n}`,
      lastName: 'Bench',
      zip: ZIPS[n % ZIPS.length],
      email: `person${n}@example.org`,
      externalId: `V${n}`,
      customFields: { 'Volunteer Level': n % 3 ? 'Member' : 'Captain', 'Shift': 'Evening' },
      lists: ['Bench sign-ups'],
      tags: ['bench'],
    }
  })
  return JSON.stringify({ contacts })
}

async function put(instance: Instance, token: string, payload: string) {
  const started = performance.now()
  const response = await fetch(`${instance.baseUrl}/api/v1/contacts`, {
    method: 'PUT',
    headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' },
    body: payload,
  })
  const answer = (await response.json()) as Record<string, unknown>
  const ms = performance.now() - started
  if (!response.ok) throw new Error(`PUT /contacts: ${response.status} ${JSON.stringify(answer)}`)
  return { ms, answer }
}

const instance = await startInstance(Number(values.port))
try {
  const token = createOwnerToken(instance)
  const payloads = Array.from({ length: REQUESTS + WARMUP }, (_, r) => body(r))

  log(`Warming up with ${WARMUP} requests…`)
  for (const payload of payloads.slice(REQUESTS)) await put(instance, token, payload)

  const measure = async (label: string, expected: 'created' | 'updated') => {
    log(`${REQUESTS} requests of ${ITEMS} ${label} contacts…`)
    const durations: number[] = []
    for (const payload of payloads.slice(0, REQUESTS)) {
      const { ms, answer } = await put(instance, token, payload)
      if (answer[expected] !== ITEMS) throw new Error(`expected ${ITEMS} ${expected}`)
      durations.push(ms)
    }
    return durations
  }
  const created = await measure('new', 'created')
  const repeated = await measure('repeated', 'updated')

  console.log(
    JSON.stringify({
      requests: REQUESTS,
      itemsPerRequest: ITEMS,
      newP50Ms: round(percentile(created, 50)),
      newP95Ms: round(percentile(created, 95)),
      repeatedP50Ms: round(percentile(repeated, 50)),
      repeatedP95Ms: round(percentile(repeated, 95)),
    })
  )
} finally {
  await stopInstance(instance)
}
