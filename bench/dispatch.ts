/*
| 20,000 queued texts drained by the in-process dispatcher through the fake
| carrier over HTTP on loopback (SQLite), against a baseline: the same fake
| carrier endpoint called directly at the dispatcher's concurrency.
| Prints progress to stderr and one JSON line last:
|   {"messages","messagesPerSecond","baselinePerSecond","ratio"}
|
|   npm run bench:dispatch            (BENCH_MESSAGES=20000 by default)
*/
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import {
  api,
  createOwnerToken,
  log,
  round,
  runConcurrently,
  startInstance,
  stopInstance,
} from './support.ts'

const PORT = 3457
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 20_000)
/** The dispatcher's concurrency (config/messaging.ts). */
const CONCURRENCY = 50
const SENDERS = Array.from({ length: 10 }, (_, index) => `+1202555${String(9000 + index)}`)

const phone = (index: number) => `+1303${String(2_000_000 + index).padStart(7, '0')}`
const sqlTime = (date: Date) => date.toISOString().slice(0, 19).replace('T', ' ')

async function waitFor(check: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('Timed out')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

const instance = await startInstance(
  PORT,
  process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}
)
try {
  const token = createOwnerToken(instance)
  const secret = randomBytes(24).toString('hex')
  const account = await api(instance, token, '/provider-accounts', {
    provider: 'fake',
    name: 'Bench carrier',
    credentials: { signingSecret: secret },
    // Demo mode lets the fake carrier run on a production build; pacing is not what is measured.
    settings: { demoMode: 'true', textsPerSecond: '100000', deliveryDelayMs: '200' },
    numbers: SENDERS,
  })
  const db = new Database(join(instance.dataDir, 'porchlight.sqlite3'))
  db.pragma('busy_timeout = 10000')
  const { organization_id: organizationId } = db
    .prepare('SELECT organization_id FROM provider_accounts WHERE id = ?')
    .get(account.id) as { organization_id: number }

  // The outbox, filled in one transaction: the dispatcher sees all of it at once.
  const insert = db.prepare(
    `INSERT INTO messages (organization_id, provider_account_id, direction, body, from_phone, to_phone,
       segments, encoding, status, attempts, created_at, updated_at)
     VALUES (?, ?, 'outbound', ?, ?, ?, 1, 'GSM-7', 'queued', 0, ?, ?)`
  )
  const now = sqlTime(new Date())
  const fill = db.transaction(() => {
    for (let index = 0; index < MESSAGES; index++) {
      insert.run(
        organizationId,
        account.id,
        `Hi! Bench text ${index}. Reply STOP to opt out`,
        SENDERS[index % SENDERS.length],
        phone(index),
        now,
        now
      )
    }
  })
  log(`Queueing ${MESSAGES} texts…`)
  const started = performance.now()
  fill()
  const remaining = db.prepare(
    "SELECT COUNT(*) AS n FROM messages WHERE status IN ('queued', 'sending') AND provider_account_id = ?"
  )
  await waitFor(() => (remaining.get(account.id) as { n: number }).n === 0, 600_000)
  const drainedSeconds = (performance.now() - started) / 1000
  const outcome = db
    .prepare(
      'SELECT status, COUNT(*) AS n FROM messages WHERE provider_account_id = ? GROUP BY status'
    )
    .all(account.id)
  log(`Drained in ${round(drainedSeconds, 2)} s: ${JSON.stringify(outcome)}`)

  // Let the delivery reports of the run settle before measuring the baseline.
  const pending = db.prepare("SELECT COUNT(*) AS n FROM webhook_events WHERE status = 'pending'")
  await waitFor(() => (pending.get() as { n: number }).n === 0, 120_000).catch(() => {})
  db.close()

  log(`Baseline: ${MESSAGES} direct calls to the fake carrier at concurrency ${CONCURRENCY}…`)
  const url = `${instance.baseUrl}/fake-carrier/accounts/${account.id}/messages`
  let refused = 0
  const baseline = await runConcurrently(MESSAGES, CONCURRENCY, async (index) => {
    // The same request the fake plugin's client sends (which uses fetch, as here).
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'authorization': `Bearer ${secret}`,
        'accept': 'application/json',
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        to: phone(MESSAGES + index),
        from: SENDERS[index % SENDERS.length],
        body: `Hi! Bench text ${index}. Reply STOP to opt out`,
        mediaUrls: [],
      }),
    })
    await response.arrayBuffer()
    if (!response.ok) refused++
  })
  if (refused) log(`The fake carrier refused ${refused} direct calls`)

  const messagesPerSecond = MESSAGES / drainedSeconds
  const baselinePerSecond = MESSAGES / (baseline.elapsedMs / 1000)
  console.log(
    JSON.stringify({
      messages: MESSAGES,
      messagesPerSecond: round(messagesPerSecond),
      baselinePerSecond: round(baselinePerSecond),
      ratio: round(messagesPerSecond / baselinePerSecond, 2),
    })
  )
} finally {
  await stopInstance(instance)
}
