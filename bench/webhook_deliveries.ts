/*
| Outbound webhook delivery on a production instance (SQLite). 20,000
| inbound texts (signed fake-carrier webhooks, concurrency 50, from 5,000
| phones) each record a `message.received` event, delivered signed to a
| local HTTP receiver. Two runs, each on a fresh instance:
|  - live: the web process delivers while the texts come in. Queue delay is
|    the time from an event's timestamp to its arrival at the receiver.
|  - backlog: the 20,000 deliveries are queued first (no in-process
|    deliverer), then one `node ace webhooks:deliver` worker drains them:
|    `eventsPerSecond` is its rate, first arrival to last.
| Prints progress to stderr and one JSON line last:
|   {"events","eventsPerSecond","liveEventsPerSecond","p50QueueDelayMs",
|    "p99QueueDelayMs","lost","duplicates"}
|
|   npm run bench:webhook-deliveries      (BENCH_EVENTS=20000 by default)
*/
import { spawn } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import Database from 'better-sqlite3'
import { signedHeaders } from '../app/services/fake_carrier/signature.ts'
import {
  api,
  createOwnerToken,
  log,
  percentile,
  post,
  root,
  round,
  runConcurrently,
  startInstance,
  stopInstance,
  type Instance,
} from './support.ts'

const PORT = 3457
const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000)
const CONCURRENCY = 50
const PHONES = 5000
const SENDER = '+12025550100'
/** How long to wait for stragglers once nothing new arrives. */
const QUIET_MS = 30_000

type Arrival = { webhookId: string; timestamp: number; receivedAt: number }
let arrivals: Arrival[] = []
const receiver = createServer((request, response) => {
  const chunks: Buffer[] = []
  request.on('data', (chunk: Buffer) => chunks.push(chunk))
  request.on('end', () => {
    const receivedAt = Date.now()
    const event = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    arrivals.push({
      webhookId: String(request.headers['webhook-id']),
      timestamp: Date.parse(event.timestamp),
      receivedAt,
    })
    response.writeHead(204).end()
  })
})
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`

const distinctArrivals = () => new Set(arrivals.map((arrival) => arrival.webhookId)).size

/** Resolves once every event arrived, or nothing new came for QUIET_MS. */
async function allArrived() {
  let seen = -1
  let quietSince = Date.now()
  while (distinctArrivals() < EVENTS) {
    if (arrivals.length !== seen) {
      seen = arrivals.length
      quietSince = Date.now()
    } else if (Date.now() - quietSince > QUIET_MS) {
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** An owner, a fake-carrier account and an endpoint at the receiver; then the inbound texts. */
async function postInboundTexts(instance: Instance) {
  const token = createOwnerToken(instance)
  const signingSecret = randomBytes(24).toString('hex')
  const account = await api(instance, token, '/provider-accounts', {
    provider: 'fake',
    name: 'Bench carrier',
    credentials: { signingSecret },
    numbers: [SENDER],
  })
  await api(instance, token, '/webhook-endpoints', {
    url: receiverUrl,
    events: ['message.received'],
  })
  const inboundUrl: string = account.webhookUrls.inbound
  let failures = 0
  log(`Posting ${EVENTS} inbound texts at concurrency ${CONCURRENCY}…`)
  const { elapsedMs } = await runConcurrently(EVENTS, CONCURRENCY, async (index) => {
    const body = JSON.stringify({
      event: 'message.inbound',
      id: `FKbench${index}${randomBytes(4).toString('hex')}`,
      from: `+1202555${String(index % PHONES).padStart(4, '0')}`,
      to: SENDER,
      body: `Bench reply number ${index}`,
      occurredAt: new Date().toISOString(),
    })
    const response = await post(inboundUrl, signedHeaders(signingSecret, body), body)
    if (response.status >= 300) failures++
  })
  if (failures) log(`${failures} inbound webhooks were refused`)
  log(`Posted in ${Math.round(elapsedMs)} ms`)
}

function summary() {
  const distinct = distinctArrivals()
  const first = Math.min(...arrivals.map((arrival) => arrival.timestamp))
  const last = Math.max(...arrivals.map((arrival) => arrival.receivedAt))
  return {
    distinct,
    duplicates: arrivals.length - distinct,
    delays: arrivals.map((arrival) => arrival.receivedAt - arrival.timestamp),
    perSecond: distinct / ((last - first) / 1000),
  }
}

const env = { WEBHOOKS_ALLOW_PRIVATE: 'true' }

// Live: the web process delivers as events are recorded.
let instance = await startInstance(PORT, env)
let live: ReturnType<typeof summary>
try {
  await postInboundTexts(instance)
  await allArrived()
  live = summary()
  log(`Live: ${live.distinct} delivered, ${round(live.perSecond)} events/s`)
} finally {
  await stopInstance(instance)
}

// Backlog: everything queued first, then one worker drains it.
arrivals = []
instance = await startInstance(PORT, { ...env, DISPATCHER_IN_PROCESS: 'false' })
let backlog: ReturnType<typeof summary>
try {
  await postInboundTexts(instance)
  const db = new Database(join(instance.dataDir, 'porchlight.sqlite3'), { readonly: true })
  const queued = db.prepare("SELECT COUNT(*) AS n FROM webhook_deliveries WHERE status = 'pending'")
  const deadline = Date.now() + 300_000
  while ((queued.get() as { n: number }).n < EVENTS && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  db.close()
  log('All queued; starting one `node ace webhooks:deliver` worker…')
  const worker = spawn(process.execPath, ['ace.js', 'webhooks:deliver'], {
    cwd: root,
    env: instance.env,
  })
  await allArrived()
  const exited = new Promise((resolve) => worker.once('exit', resolve))
  worker.kill('SIGTERM')
  await exited
  // The drain rate counts from the first arrival: the worker's boot is not delivery.
  const first = Math.min(...arrivals.map((arrival) => arrival.receivedAt))
  const last = Math.max(...arrivals.map((arrival) => arrival.receivedAt))
  backlog = { ...summary(), perSecond: distinctArrivals() / ((last - first) / 1000) }
  log(`Backlog: ${backlog.distinct} delivered, ${round(backlog.perSecond)} events/s`)
} finally {
  await stopInstance(instance)
  receiver.close()
}

console.log(
  JSON.stringify({
    events: EVENTS,
    eventsPerSecond: round(backlog.perSecond),
    liveEventsPerSecond: round(live.perSecond),
    p50QueueDelayMs: round(percentile(live.delays, 50), 1),
    p99QueueDelayMs: round(percentile(live.delays, 99), 1),
    lost: EVENTS - live.distinct + (EVENTS - backlog.distinct),
    duplicates: live.duplicates + backlog.duplicates,
  })
)
