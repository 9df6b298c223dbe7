/*
| Whether the server stays responsive while the database works hard, on
| SQLite. Starts a production instance, seeds N contacts (custom fields) into
| its organization, saves a segment of 100 `contains` conditions that match
| nobody (every condition is read for every contact), then measures how long
| `GET /health` and a static file take — each asked again and again, 25 ms
| apart — while:
|   - nothing else happens (idle);
|   - one count of that segment runs (`GET /api/v1/segments/:id`);
|   - five such counts run at once;
|   - another process holds the database's write lock for 3 s while a
|     request that writes (`POST /api/v1/lists`) waits for it.
| Prints progress to stderr and one JSON line last: for each situation the
| slowest and median /health and static answers (ms), and how the counts or
| the write ended.
|
|   npm run bench:responsiveness -- --contacts 200000 --port 3391
*/
import { spawn } from 'node:child_process'
import { request } from 'node:http'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { setTimeout as sleep } from 'node:timers/promises'
import Database from 'better-sqlite3'
import {
  api,
  createOwnerToken,
  log,
  percentile,
  round,
  startInstance,
  stopInstance,
} from './support.ts'

const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '200000' },
    port: { type: 'string', default: '3391' },
  },
})
const CONTACTS = Number(values.contacts)
if (!Number.isInteger(CONTACTS) || CONTACTS < 1)
  throw new Error('--contacts must be a positive integer')
const LOCK_SECONDS = 3

/** N contacts of the instance's one organization, each with two custom fields. */
function seedContacts(databasePath: string) {
  const db = new Database(databasePath)
  db.pragma('busy_timeout = 10000')
  const { organization_id: org } = db
    .prepare(`SELECT organization_id FROM memberships WHERE role = 'owner'`)
    .get() as { organization_id: number }
  const insert = db.prepare(
    `INSERT INTO contacts (organization_id, phone, first_name, last_name, state, custom_fields, unknown_sender, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 0, '2026-11-02 14:00:00')`
  )
  db.transaction(() => {
    for (let index = 0; index < CONTACTS; index++) {
      const fields = {
        'Volunteer Level': ['Gold', 'Silver', 'Bronze'][index % 3],
        'Note': `n${index}`,
      }
      insert.run(
        org,
        `+1201${String(5550000 + index).padStart(7, '0')}`,
        'Ann',
        'Lee',
        'MI',
        JSON.stringify(fields)
      )
    }
  })()
  db.close()
}

/** A segment whose 100 `contains` conditions are each read for every contact. */
const slowDefinition = {
  any: Array.from({ length: 100 }, (_, index) => ({
    field: 'customFields.Note',
    op: 'contains',
    value: `no such note ${index}`,
  })),
}

type Sample = { health: number[]; static: number[] }

/** Asks `path` again and again (25 ms apart) until `until` settles; each answer's time in ms. */
async function sample(url: string, until: Promise<unknown>) {
  const times: number[] = []
  let done = false
  until.finally(() => (done = true)).catch(() => {})
  while (!done) {
    const started = performance.now()
    await send(url)
    times.push(performance.now() - started)
    await sleep(25)
  }
  return times
}

/**
 * One request on a connection of its own (a kept-alive one may have been
 * closed by the server while it could not answer): its status and body.
 */
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {}
) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, agent: false },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() })
        )
        response.on('error', reject)
      }
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

/** /health and a static file, each asked in its own loop, while `until` runs. */
async function sampleWhile(baseUrl: string, until: Promise<unknown>): Promise<Sample> {
  const [health, file] = await Promise.all([
    sample(`${baseUrl}/health`, until),
    sample(`${baseUrl}/favicon.svg`, until),
  ])
  return { health, static: file }
}

function summary(samples: Sample) {
  return {
    healthMaxMs: round(Math.max(...samples.health)),
    healthP50Ms: round(percentile(samples.health, 50)),
    staticMaxMs: round(Math.max(...samples.static)),
    staticP50Ms: round(percentile(samples.static, 50)),
    samples: samples.health.length,
  }
}

async function timed(task: () => ReturnType<typeof send>) {
  const started = performance.now()
  const response = await task()
  return {
    status: response.status,
    ms: round(performance.now() - started),
    body: JSON.parse(response.body),
  }
}

const instance = await startInstance(Number(values.port))
try {
  const token = createOwnerToken(instance)
  const databasePath = join(instance.dataDir, 'porchlight.sqlite3')
  let started = performance.now()
  seedContacts(databasePath)
  log(`seeded ${CONTACTS} contacts in ${round((performance.now() - started) / 1000)} s`)
  await sleep(100)
  const auth = { authorization: `Bearer ${token}` }

  started = performance.now()
  const segment = await api(instance, token, '/segments', {
    name: 'Slow',
    definition: slowDefinition,
  })
  log(
    `saved the slow segment (counted ${segment.count}) in ${round(performance.now() - started)} ms`
  )
  const count = () =>
    timed(() => send(`${instance.baseUrl}/api/v1/segments/${segment.id}`, { headers: auth }))

  const idle = summary(await sampleWhile(instance.baseUrl, sleep(1000)))
  log(`idle: ${JSON.stringify(idle)}`)

  const brief = (counts: Awaited<ReturnType<typeof count>>[]) =>
    counts.map(({ status, ms, body }) => ({ status, ms, count: body.count ?? null }))

  const one = count()
  const oneCount = {
    ...summary(await sampleWhile(instance.baseUrl, one)),
    counts: brief([await one]),
  }
  log(`one count: ${JSON.stringify(oneCount)}`)

  const five = Promise.all(Array.from({ length: 5 }, count))
  const fiveCounts = {
    ...summary(await sampleWhile(instance.baseUrl, five)),
    counts: brief(await five),
  }
  log(`five counts: ${JSON.stringify(fiveCounts)}`)

  // Another process takes the write lock and keeps it; a request that writes then waits for it.
  const holder = spawn(
    process.execPath,
    [
      '-e',
      `const db = new (require('better-sqlite3'))(process.argv[1]);
       db.exec('BEGIN IMMEDIATE'); process.stdout.write('locked\\n');
       setTimeout(() => { db.exec('ROLLBACK'); db.close() }, ${LOCK_SECONDS * 1000})`,
      databasePath,
    ],
    { cwd: join(import.meta.dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] }
  )
  await new Promise((resolve) => holder.stdout!.once('data', resolve))
  const released = new Promise((resolve) => holder.once('exit', resolve))
  const write = timed(() =>
    send(`${instance.baseUrl}/api/v1/lists`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Written during the lock' }),
    })
  )
  const locked = {
    ...summary(await sampleWhile(instance.baseUrl, released)),
    write: await write.then(({ status, ms }) => ({ status, ms })),
  }
  log(`locked: ${JSON.stringify(locked)}`)

  console.log(JSON.stringify({ contacts: CONTACTS, idle, oneCount, fiveCounts, locked }))
} finally {
  await stopInstance(instance)
}
