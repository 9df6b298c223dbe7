/*
| Signed Twilio inbound webhooks against a running instance (SQLite), at
| concurrency 50, a fifth of them repeated deliveries of earlier ones. Then
| the database must hold each distinct text exactly once.
| Prints progress to stderr and one JSON line last:
|   {"requests","requestsPerSecond","p50Ms","p99Ms","lost","duplicates"}
|
|   npm run bench:webhooks            (BENCH_REQUESTS=20000 by default)
*/
import { createHmac, randomBytes } from 'node:crypto'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import {
  api,
  createOwnerToken,
  log,
  percentile,
  post,
  round,
  runConcurrently,
  startInstance,
  stopInstance,
} from './support.ts'

const PORT = 3456
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20_000)
const CONCURRENCY = 50
const REPEAT_SHARE = 0.2
/** Requests before the measured ones, so first-use costs (loading code) are not measured. */
const WARMUP = 500
const SENDER = '+12025550100'

/** X-Twilio-Signature, computed here from Twilio's published algorithm. */
function twilioSignature(authToken: string, url: string, params: Record<string, string>) {
  const data = Object.keys(params)
    .sort()
    .map((key) => key + params[key])
    .join('')
  return createHmac('sha1', authToken)
    .update(url + data)
    .digest('base64')
}

const instance = await startInstance(
  PORT,
  process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}
)
try {
  const token = createOwnerToken(instance)
  const accountSid = `AC${randomBytes(16).toString('hex')}`
  const authToken = randomBytes(16).toString('hex')
  const account = await api(instance, token, '/provider-accounts', {
    provider: 'twilio',
    name: 'Bench Twilio',
    credentials: { accountSid, authToken },
    numbers: [SENDER],
  })
  const url: string = account.webhookUrls.inbound

  // Every request as Twilio would send it; a repeat re-sends an earlier text byte for byte,
  // as a provider's retry does, mixed in among the new ones.
  const unique = Math.round(REQUESTS * (1 - REPEAT_SHARE))
  const requests: Array<{ body: string; signature: string }> = []
  let made = 0
  const text = (index: number) => {
    const params = {
      MessageSid: `SM${randomBytes(16).toString('hex')}`,
      AccountSid: accountSid,
      From: `+1202555${String(index % 5000).padStart(4, '0')}`,
      To: SENDER,
      Body: `Bench reply number ${index}`,
      NumMedia: '0',
      NumSegments: '1',
    }
    return {
      body: new URLSearchParams(params).toString(),
      signature: twilioSignature(authToken, url, params),
    }
  }
  while (requests.length < REQUESTS) {
    const repeatsLeft = REQUESTS - unique - (requests.length - made)
    const repeat =
      made > 0 && repeatsLeft > 0 && Math.random() < repeatsLeft / (REQUESTS - requests.length)
    if (repeat) {
      requests.push(requests[Math.floor(Math.random() * requests.length)])
      continue
    }
    requests.push(text(made++))
  }
  const warmup = Array.from({ length: WARMUP }, (_, index) => text(unique + index))

  let failures = 0
  const deliver = async ({ body, signature }: { body: string; signature: string }) => {
    const response = await post(
      url,
      { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body
    )
    if (response.status !== 204) failures++
  }
  log(`Warming up with ${WARMUP} webhooks…`)
  await runConcurrently(WARMUP, CONCURRENCY, (index) => deliver(warmup[index]))

  log(`Posting ${REQUESTS} webhooks (${unique} distinct) at concurrency ${CONCURRENCY}…`)
  const { durations, elapsedMs } = await runConcurrently(REQUESTS, CONCURRENCY, (index) =>
    deliver(requests[index])
  )
  if (failures) log(`${failures} requests were not answered 204`)

  // Processing happens after the answer: wait until nothing is pending.
  const db = new Database(join(instance.dataDir, 'porchlight.sqlite3'), { readonly: true })
  const pending = db.prepare("SELECT COUNT(*) AS n FROM webhook_events WHERE status = 'pending'")
  const deadline = Date.now() + 120_000
  const answered = performance.now()
  while ((pending.get() as { n: number }).n > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  log(`All processed ${Math.round(performance.now() - answered)} ms after the last answer`)
  const stored = db
    .prepare(
      "SELECT COUNT(*) AS total, COUNT(DISTINCT provider_message_id) AS distinctIds FROM messages WHERE direction = 'inbound' AND provider_account_id = ?"
    )
    .get(account.id) as { total: number; distinctIds: number }
  db.close()

  console.log(
    JSON.stringify({
      requests: REQUESTS,
      requestsPerSecond: round(REQUESTS / (elapsedMs / 1000)),
      p50Ms: round(percentile(durations, 50), 2),
      p99Ms: round(percentile(durations, 99), 2),
      lost: unique + WARMUP - stored.distinctIds,
      duplicates: stored.total - stored.distinctIds,
    })
  )
} finally {
  await stopInstance(instance)
}
