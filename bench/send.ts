/*
| The send screen under load, on SQLite: 200 texters, each signed in over
| HTTP with their own session cookie and CSRF token, claim batches of a
| launched campaign and send its first texts through the endpoints the send
| screen uses, 20,000 texts in all. Some requests are repeated: the same
| idempotency key sent again (a retry) and the same contact sent again with
| a new key (a second press). Afterwards the database must hold exactly one
| first text per contact sent and a message row for every answered send.
| Prints progress to stderr and one JSON line last:
|   {"texters","sends","sendsPerSecond","p50Ms","p95Ms","p99Ms","duplicates","lost"}
|
|   npm run bench:send     (BENCH_TEXTERS=200, BENCH_SENDS=20000, BENCH_THINK_MS=3000)
|
| Each texter waits BENCH_THINK_MS (±50%) between sends: reading the card and
| pressing Enter, about 20 texts a minute, so 200 texters offer some 65 sends a
| second; BENCH_THINK_MS=0 measures the instance flat out instead.
| The in-process dispatcher drains the outbox meanwhile, at the product's own
| pace per campaign and sender, through the fake plugin. Its carrier runs
| outside the instance, as a real provider does: a stand-in in this process
| that accepts every text and never calls back (delivery reports are what
| bench:webhooks measures). BENCH_CARRIER=instance uses the fake carrier built
| into the instance instead, which then also does the carrier's work (its
| delivery reports are set ten minutes late, after the run).
*/
import { join } from 'node:path'
import Database from 'better-sqlite3'
import {
  createOwnerToken,
  log,
  percentile,
  round,
  runConcurrently,
  startInstance,
  stopInstance,
  type Instance,
} from './support.ts'
import {
  Browser,
  OUTBOUND_TEXTS_SQL,
  SendRun,
  closeConnections,
  createAccountAndList,
  launchCampaign,
  phone,
  sqlTime,
  startCarrier,
  zoneInsideTextingHours,
} from './texting.ts'

const PORT = 3420
const TEXTERS = Number(process.env.BENCH_TEXTERS ?? 200)
const SENDS = Number(process.env.BENCH_SENDS ?? 20_000)
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 3000)
const CARRIER_PORT = 3421
const EXTERNAL_CARRIER = process.env.BENCH_CARRIER !== 'instance'
/** More contacts than sends, so no texter runs dry before the last send. */
const CONTACTS = Math.ceil(SENDS * 1.05)
const BATCH_SIZE = 50

/* -------------------------------------------------------------- setup ---- */

/**
 * The organization, its texters, the contacts and a launched campaign. Made
 * through the API where it has a way, seeded in the database where the API
 * has none or would take minutes (200 accounts, 21,000 contacts).
 */
async function setUp(instance: Instance) {
  const token = createOwnerToken(instance)
  const { accountId, listId } = await createAccountAndList(instance, token, {
    carrierPort: EXTERNAL_CARRIER ? CARRIER_PORT : undefined,
  })

  const db = new Database(join(instance.dataDir, 'porchlight.sqlite3'))
  db.pragma('busy_timeout = 10000')
  const { organization_id: organizationId, password } = db
    .prepare(
      `SELECT m.organization_id, u.password FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.role = 'owner'`
    )
    .get() as { organization_id: number; password: string }
  const zone = zoneInsideTextingHours()
  const now = sqlTime(new Date())
  const emails = Array.from({ length: TEXTERS }, (_, index) => `texter${index}@example.org`)
  db.transaction(() => {
    const user = db.prepare(
      'INSERT INTO users (full_name, email, password, created_at) VALUES (?, ?, ?, ?)'
    )
    const membership = db.prepare(
      `INSERT INTO memberships (organization_id, user_id, role, status, created_at)
       VALUES (?, ?, 'texter', 'active', ?)`
    )
    emails.forEach((email, index) => {
      const { lastInsertRowid } = user.run(`Texter ${index}`, email, password, now)
      membership.run(organizationId, lastInsertRowid, now)
    })
    const contact = db.prepare(
      `INSERT INTO contacts (organization_id, phone, first_name, last_name, timezone, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`
    )
    const member = db.prepare(
      'INSERT INTO contact_list_members (contact_list_id, contact_id) VALUES (?, ?)'
    )
    for (let index = 0; index < CONTACTS; index++) {
      const { lastInsertRowid } = contact.run(
        organizationId,
        phone(index),
        `Person${index}`,
        'Bench',
        zone,
        now
      )
      member.run(listId, lastInsertRowid)
    }
  })()
  db.close()

  const campaignId = await launchCampaign(instance, token, {
    accountId,
    listId,
    batchSize: BATCH_SIZE,
  })
  log(`Contacts are in ${zone}`)
  return { campaignId, emails }
}

/* ---------------------------------------------------------------- run ---- */

const carrier = EXTERNAL_CARRIER ? await startCarrier(CARRIER_PORT) : null
const instance = await startInstance(
  PORT,
  process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}
)
try {
  const { campaignId, emails } = await setUp(instance)

  log(`Signing in ${TEXTERS} texters…`)
  const browsers = emails.map(() => new Browser(instance.baseUrl))
  await runConcurrently(TEXTERS, 8, (index) => browsers[index].signIn(emails[index]))

  log(`Sending ${SENDS} texts (think time ${THINK_MS} ms)…`)
  const run = new SendRun({ sends: SENDS, thinkMs: THINK_MS })
  const t0 = performance.now()
  await Promise.all(browsers.map((browser) => run.texter(browser, campaignId)))
  const elapsedMs = performance.now() - t0
  run.report()

  const db = new Database(join(instance.dataDir, 'porchlight.sqlite3'), { readonly: true })
  const texts = db.prepare(OUTBOUND_TEXTS_SQL).all(campaignId) as Array<{
    id: number
    contactId: number
  }>
  const { duplicates, lost } = run.check(texts)
  const messaged = db
    .prepare(
      "SELECT COUNT(*) AS n FROM campaign_contacts WHERE campaign_id = ? AND status <> 'needs_message'"
    )
    .get(campaignId) as { n: number }
  const outbox = db
    .prepare('SELECT status, COUNT(*) AS n FROM messages WHERE campaign_id = ? GROUP BY status')
    .all(campaignId)
  db.close()
  log(
    `${run.answered.size} sends answered, ${texts.length} texts stored, ${messaged.n} contacts marked sent`
  )
  log(`The outbox at the end: ${JSON.stringify(outbox)}`)

  const sends = run.answered.size
  console.log(
    JSON.stringify({
      texters: TEXTERS,
      sends,
      sendsPerSecond: round(sends / (elapsedMs / 1000)),
      p50Ms: round(percentile(run.durations, 50), 2),
      p95Ms: round(percentile(run.durations, 95), 2),
      p99Ms: round(percentile(run.durations, 99), 2),
      duplicates,
      lost,
    })
  )
} finally {
  await stopInstance(instance)
  carrier?.close()
  closeConnections()
}
