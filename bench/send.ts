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
import { randomBytes, randomUUID } from 'node:crypto'
import { Agent, createServer, request } from 'node:http'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import Database from 'better-sqlite3'
import {
  api,
  createOwnerToken,
  log,
  percentile,
  round,
  runConcurrently,
  startInstance,
  stopInstance,
  type Instance,
} from './support.ts'

const PORT = 3420
const TEXTERS = Number(process.env.BENCH_TEXTERS ?? 200)
const SENDS = Number(process.env.BENCH_SENDS ?? 20_000)
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 3000)
const CARRIER_PORT = 3421
const EXTERNAL_CARRIER = process.env.BENCH_CARRIER !== 'instance'
/** More contacts than sends, so no texter runs dry before the last send. */
const CONTACTS = Math.ceil(SENDS * 1.05)
const BATCH_SIZE = 50
/** Share of sends re-sent with the same idempotency key (a retried request). */
const RETRY_SHARE = 0.02
/** Share of sends sent again for the same contact with a new key (a second press). */
const SECOND_PRESS_SHARE = 0.005
const PASSWORD = 'bench-password-123'
const SENDERS = Array.from({ length: 10 }, (_, index) => `+1202555${String(9000 + index)}`)

const phone = (index: number) => `+1303${String(2_000_000 + index).padStart(7, '0')}`
const sqlTime = (date: Date) => date.toISOString().slice(0, 19).replace('T', ' ')

/**
 * The US zone (states and territories) where texting stays allowed longest
 * from now: federal hours are 08:00–21:00 local, so which zone that is
 * depends on when the benchmark runs.
 */
function zoneInsideTextingHours() {
  const zones = [
    'America/New_York',
    'America/Chicago',
    'America/Denver',
    'America/Los_Angeles',
    'America/Anchorage',
    'Pacific/Honolulu',
    'America/Puerto_Rico',
    'Pacific/Guam',
  ]
  const minutesLeft = (zone: string) => {
    const local = DateTime.now().setZone(zone)
    const minute = local.hour * 60 + local.minute
    return minute >= 8 * 60 + 5 ? 21 * 60 - minute : -1
  }
  const best = zones.sort((a, b) => minutesLeft(b) - minutesLeft(a))[0]
  if (minutesLeft(best) < 30) throw new Error('No US zone has 30 minutes of texting hours left')
  return best
}

/* --------------------------------------------------------------- HTTP ---- */

const agent = new Agent({ keepAlive: true, maxSockets: TEXTERS + 16 })
let resets = 0

type Reply = { status: number; body: string; cookies: string[] }

function call(method: string, url: string, headers: Record<string, string>, body?: string) {
  return new Promise<Reply>((resolve, reject) => {
    const req = request(url, { method, agent, headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks).toString(),
          cookies: response.headers['set-cookie'] ?? [],
        })
      )
      response.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

/**
 * One browser's worth of state: its cookies, and the CSRF token the app
 * hands out in the XSRF-TOKEN cookie, sent back as X-XSRF-TOKEN the way the
 * front end's HTTP client does.
 */
class Browser {
  #cookies = new Map<string, string>()
  #baseUrl: string

  constructor(baseUrl: string) {
    this.#baseUrl = baseUrl
  }

  async request(method: string, path: string, json?: unknown) {
    const headers: Record<string, string> = {
      accept: 'application/json',
      cookie: [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    }
    const xsrf = this.#cookies.get('XSRF-TOKEN')
    if (xsrf) headers['x-xsrf-token'] = decodeURIComponent(xsrf)
    let body: string | undefined
    if (json !== undefined) {
      body = JSON.stringify(json)
      headers['content-type'] = 'application/json'
    }
    const url = `${this.#baseUrl}${path}`
    // A kept-alive connection the server closed just as it was reused: send again (every
    // request here may be repeated; a send keeps its idempotency key).
    const reply = await call(method, url, headers, body).catch((error) => {
      if (error.code !== 'ECONNRESET') throw error
      resets++
      return call(method, url, headers, body)
    })
    for (const cookie of reply.cookies) {
      const [pair, ...attributes] = cookie.split(';')
      const name = pair.slice(0, pair.indexOf('='))
      const value = pair.slice(pair.indexOf('=') + 1)
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute))
      if (expired || !value) this.#cookies.delete(name)
      else this.#cookies.set(name, value)
    }
    return reply
  }

  async signIn(email: string) {
    await this.request('GET', '/login')
    const reply = await this.request('POST', '/login', { email, password: PASSWORD })
    if (reply.status !== 302 || !reply.cookies.length) {
      throw new Error(`Sign-in of ${email} answered ${reply.status}: ${reply.body.slice(0, 300)}`)
    }
  }
}

/**
 * The carrier's API as the fake plugin's client calls it: every account is
 * active, every text is accepted (queued) and nothing is ever reported back.
 */
function startCarrier() {
  let sid = 0
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      res.statusCode = req.method === 'POST' ? 201 : 200
      res.setHeader('content-type', 'application/json')
      const isAccount = /^\/accounts\/\d+$/.test(req.url ?? '')
      res.end(
        JSON.stringify(
          isAccount ? { id: 0, status: 'active' } : { id: `FKbench${++sid}`, status: 'queued' }
        )
      )
    })
  })
  return new Promise<typeof server>((resolve) =>
    server.listen(CARRIER_PORT, '127.0.0.1', () => resolve(server))
  )
}

/* -------------------------------------------------------------- setup ---- */

async function patch(instance: Instance, token: string, path: string, body: unknown) {
  const response = await fetch(`${instance.baseUrl}/api/v1${path}`, {
    method: 'PATCH',
    headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`PATCH ${path}: ${response.status} ${await response.text()}`)
}

/**
 * The organization, its texters, the contacts and a launched campaign. Made
 * through the API where it has a way, seeded in the database where the API
 * has none or would take minutes (200 accounts, 21,000 contacts).
 */
async function setUp(instance: Instance) {
  const token = createOwnerToken(instance)
  // The organization's window as wide as the federal rule allows.
  await patch(instance, token, '/organization', {
    settings: { textingHours: { start: '08:00', end: '21:00' } },
  })
  const account = await api(instance, token, '/provider-accounts', {
    provider: 'fake',
    name: 'Bench carrier',
    credentials: { signingSecret: randomBytes(24).toString('hex') },
    // Demo mode lets the fake carrier run on a production build.
    settings: {
      demoMode: 'true',
      deliveryDelayMs: '600000',
      ...(EXTERNAL_CARRIER ? { apiBaseUrl: `http://127.0.0.1:${CARRIER_PORT}` } : {}),
    },
    numbers: SENDERS,
  })
  const list = await api(instance, token, '/lists', { name: 'Bench audience' })

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
      member.run(list.id, lastInsertRowid)
    }
  })()
  db.close()

  const campaign = await api(instance, token, '/campaigns', {
    name: 'Bench campaign',
    providerAccountId: account.id,
    audience: { listIds: [list.id] },
    script: {
      initial: [
        { body: 'Hi {firstName}, this is {texterName} with {orgName}. Reply STOP to opt out' },
      ],
    },
    batchSize: BATCH_SIZE,
  })
  const launched = await api(instance, token, `/campaigns/${campaign.id}/launch`, {})
  log(`Launched campaign ${campaign.id} to ${launched.targeted} contacts in ${zone}`)
  return { campaignId: campaign.id as number, emails }
}

/* ------------------------------------------------------------ texting ---- */

type Card = { campaignContactId: number }

/** What the run saw, for the checks against the database afterwards. */
const answered = new Map<number, number>()
const durations: number[] = []
const failures = new Map<string, number>()
let started = 0
let repeatsRefused = 0

function failure(what: string, reply: Reply) {
  const key = `${what} ${reply.status}: ${reply.body.slice(0, 160)}`
  failures.set(key, (failures.get(key) ?? 0) + 1)
}

const pause = () =>
  THINK_MS > 0
    ? new Promise((resolve) => setTimeout(resolve, THINK_MS * (0.5 + Math.random())))
    : Promise.resolve()

async function timed(browser: Browser, path: string, json: unknown) {
  const t0 = performance.now()
  const reply = await browser.request('POST', path, json)
  durations.push(performance.now() - t0)
  return reply
}

/**
 * One texter at the send screen: claims a batch when the screen runs dry,
 * sends the card shown, takes the next card from the answer, and now and
 * then repeats a request.
 */
async function texter(browser: Browser, campaignId: number) {
  const base = `/texting/campaigns/${campaignId}`
  const queue: Card[] = []
  const enqueue = (card: Card | null | undefined) => {
    if (card && !queue.some((c) => c.campaignContactId === card.campaignContactId)) {
      queue.push(card)
    }
  }
  while (started < SENDS) {
    if (!queue.length) {
      const next = await browser.request('GET', `${base}/next?count=2`)
      if (next.status !== 200) return failure('next', next)
      JSON.parse(next.body).contacts.forEach(enqueue)
      if (!queue.length) {
        const claim = await browser.request('POST', `${base}/claim`, {})
        if (claim.status !== 200) return failure('claim', claim)
        if (!JSON.parse(claim.body).claimed) return
        continue
      }
    }
    const card = queue.shift()!
    started++
    const send = { campaignContactId: card.campaignContactId, idempotencyKey: randomUUID() }
    const reply = await timed(browser, `${base}/send`, send)
    if (reply.status !== 200) {
      failure('send', reply)
      continue
    }
    const { message, next } = JSON.parse(reply.body)
    answered.set(card.campaignContactId, message.id)
    enqueue(next)

    const dice = Math.random()
    if (dice < RETRY_SHARE) {
      // The same request again: answered like the first, with the same text.
      const again = await timed(browser, `${base}/send`, send)
      if (again.status !== 200 || JSON.parse(again.body).message.id !== message.id) {
        failure('retry', again)
      }
    } else if (dice < RETRY_SHARE + SECOND_PRESS_SHARE) {
      // The same contact under a new key: never a second text.
      const again = await timed(browser, `${base}/send`, { ...send, idempotencyKey: randomUUID() })
      if (again.status === 409) repeatsRefused++
      else if (again.status !== 200 || JSON.parse(again.body).message.id !== message.id) {
        failure('second press', again)
      }
    }
    await pause()
  }
}

/* ---------------------------------------------------------------- run ---- */

const carrier = EXTERNAL_CARRIER ? await startCarrier() : null
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
  const t0 = performance.now()
  await Promise.all(browsers.map((browser) => texter(browser, campaignId)))
  const elapsedMs = performance.now() - t0
  for (const [what, count] of failures) log(`${count} × ${what}`)
  if (resets) log(`${resets} requests sent again after the connection was reset`)
  log(`${repeatsRefused} second presses answered without a second text`)

  const db = new Database(join(instance.dataDir, 'porchlight.sqlite3'), { readonly: true })
  const texts = db
    .prepare(
      `SELECT id, campaign_contact_id AS contactId FROM messages
       WHERE campaign_id = ? AND direction = 'outbound'`
    )
    .all(campaignId) as Array<{ id: number; contactId: number }>
  const perContact = new Map<number, number>()
  for (const text of texts)
    perContact.set(text.contactId, (perContact.get(text.contactId) ?? 0) + 1)
  const ids = new Set(texts.map((text) => text.id))
  const lost = [...answered.values()].filter((id) => !ids.has(id)).length
  const duplicates = [...perContact.values()].reduce((sum, count) => sum + count - 1, 0)
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
    `${answered.size} sends answered, ${texts.length} texts stored, ${messaged.n} contacts marked sent`
  )
  log(`The outbox at the end: ${JSON.stringify(outbox)}`)

  const sends = answered.size
  console.log(
    JSON.stringify({
      texters: TEXTERS,
      sends,
      sendsPerSecond: round(sends / (elapsedMs / 1000)),
      p50Ms: round(percentile(durations, 50), 2),
      p95Ms: round(percentile(durations, 95), 2),
      p99Ms: round(percentile(durations, 99), 2),
      duplicates,
      lost,
    })
  )
} finally {
  await stopInstance(instance)
  carrier?.close()
  agent.destroy()
}
