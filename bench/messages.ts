/*
| The message list on a large campaign, on SQLite. Starts a production
| instance, makes a campaign through the API, then writes N messages of that
| campaign straight into the database, the way a texting session leaves them:
| first texts (mostly delivered, some failed or still sent, a few queued),
| replies and the texters' answers, over three days, a conversation per
| contact. Then it times the first page of GET /api/v1/messages unfiltered
| and with each filter (the median of five requests after one to warm up),
| and checks every total against the database. Prints progress to stderr and
| one JSON line last:
|   {"messages","firstPageMs":{"<filter>":ms,…},"totals":{"<filter>":n,…}}
|
|   npm run bench:messages -- --messages 1000000 --port 3392
*/
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import Database from 'better-sqlite3'
import {
  api,
  createOwnerToken,
  log,
  round,
  seedTexters,
  sizeAndPort,
  startInstance,
  stopInstance,
  type Instance,
} from './support.ts'

const { size: MESSAGES, port: PORT } = sizeAndPort('messages', 100, '3392')

const TEXTERS = 50
const DAYS = 3
const SENDER = '+12025550199'
/** When the session started: the first text is stamped then, the last three days later. */
const START = Date.UTC(2026, 10, 2, 14, 0, 0)

/** A small deterministic PRNG (mulberry32), so every run seeds the same campaign. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pad = (value: number) => String(value).padStart(2, '0')
/** How the app stamps rows: server-local "YYYY-MM-DD HH:MM:SS". */
function stamp(ms: number) {
  const date = new Date(ms)
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  )
}

type Seeded = {
  organizationId: number
  /** A contact with a conversation of several texts, and that conversation. */
  contactId: number
  conversationId: number
}

/** Texts waiting to be written, earliest first (a binary heap). */
class TimeQueue {
  #items: { at: number; write: () => void }[] = []

  get size() {
    return this.#items.length
  }

  peek() {
    return this.#items[0]
  }

  push(at: number, write: () => void) {
    const items = this.#items
    items.push({ at, write })
    for (let i = items.length - 1; i > 0;) {
      const parent = (i - 1) >> 1
      if (items[parent].at <= items[i].at) break
      ;[items[parent], items[i]] = [items[i], items[parent]]
      i = parent
    }
  }

  pop() {
    const items = this.#items
    const top = items[0]
    const last = items.pop()!
    if (items.length) {
      items[0] = last
      for (let i = 0; ;) {
        const left = 2 * i + 1
        const right = left + 1
        let least = i
        if (left < items.length && items[left].at < items[least].at) least = left
        if (right < items.length && items[right].at < items[least].at) least = right
        if (least === i) break
        ;[items[least], items[i]] = [items[i], items[least]]
        i = least
      }
    }
    return top
  }
}

/**
 * Writes `count` messages of the campaign, in the order they happened (ids
 * grow with time, as they do live), with their contacts and campaign
 * contacts. Each conversation: the first text, then half the time a reply,
 * the texter's answer and maybe a second reply.
 */
function seedMessages(databasePath: string, campaignId: number, count: number): Seeded {
  const db = new Database(databasePath)
  db.pragma('busy_timeout = 10000')
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  const rand = random(11)
  const { organization_id: org, password } = db
    .prepare(
      `SELECT m.organization_id, u.password FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.role = 'owner'`
    )
    .get() as { organization_id: number; password: string }
  const now = stamp(START)
  db.prepare("UPDATE campaigns SET status = 'active', launched_at = ? WHERE id = ?").run(
    now,
    campaignId
  )

  const texters = db.transaction(() =>
    seedTexters(db, { org, password, now, count: TEXTERS, emailPrefix: 't' })
  )()

  const contact = db.prepare(
    `INSERT INTO contacts (organization_id, phone, first_name, unknown_sender, created_at)
     VALUES (?, ?, 'Sam', 0, ?)`
  )
  const campaignContact = db.prepare(
    `INSERT INTO campaign_contacts (organization_id, campaign_id, contact_id, assigned_user_id, status,
       messaged_at, messaged_by_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const message = db.prepare(
    `INSERT INTO messages (organization_id, contact_id, campaign_id, campaign_contact_id, direction, body,
       from_phone, to_phone, segments, encoding, status, error_code, error_class, attempts, sent_by_id,
       sent_at, delivered_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 'GSM-7', ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  // Conversations start in time order over the three days; their texts follow within hours.
  const conversations = Math.ceil(count / 2)
  const spacing = (DAYS * 24 * 3600_000) / conversations
  const pending = new TimeQueue()
  let written = 0
  let index = 0
  let seeded: Seeded | undefined
  const BATCH = 20_000

  const writeUntil = (at: number) => {
    while (written < count && pending.size && pending.peek()!.at <= at) {
      pending.pop()!.write()
      written++
    }
  }

  while (written < count) {
    db.transaction(() => {
      for (let batch = 0; batch < BATCH && written < count; batch++, index++) {
        const at = START + Math.floor(index * spacing)
        writeUntil(at)
        if (written >= count) break
        if (index >= conversations) {
          writeUntil(Number.POSITIVE_INFINITY)
          break
        }
        const phone = `+1${2000000000 + index * 7}`
        const contactId = Number(contact.run(org, phone, now).lastInsertRowid)
        const texter = texters[index % TEXTERS]
        const roll = rand()
        const delivery =
          roll < 0.04 ? 'failed' : roll < 0.07 ? 'sent' : roll < 0.0705 ? 'queued' : 'delivered'
        const replies = delivery !== 'failed' && delivery !== 'queued' && rand() < 0.5
        const conversationId = Number(
          campaignContact.run(
            org,
            campaignId,
            contactId,
            texter,
            replies ? 'conversing' : delivery === 'failed' ? 'failed' : 'messaged',
            stamp(at),
            texter,
            now
          ).lastInsertRowid
        )
        const outbound = (body: string, status: string, sentAt: number) => () =>
          message.run(
            org,
            contactId,
            campaignId,
            conversationId,
            'outbound',
            body,
            SENDER,
            phone,
            status,
            status === 'failed' ? '30006' : null,
            status === 'failed' ? 'recipient' : null,
            status === 'queued' ? 0 : 1,
            texter,
            status === 'queued' || status === 'failed' ? null : stamp(sentAt),
            status === 'delivered' ? stamp(sentAt + 4000) : null,
            stamp(sentAt),
            // A delivery report changes the row a few seconds after it was sent.
            stamp(status === 'queued' ? sentAt : sentAt + 4000)
          )
        const inbound = (body: string, receivedAt: number) => () =>
          message.run(
            org,
            contactId,
            campaignId,
            conversationId,
            'inbound',
            body,
            phone,
            SENDER,
            'received',
            null,
            null,
            0,
            null,
            null,
            null,
            stamp(receivedAt),
            stamp(receivedAt)
          )
        pending.push(
          at,
          outbound('Hi Sam, this is a volunteer with the Bench campaign.', delivery, at)
        )
        if (!replies) continue
        const replyAt = at + 60_000 + Math.floor(rand() * 2 * 3600_000)
        pending.push(replyAt, inbound('Who is this?', replyAt))
        const answerAt = replyAt + 30_000 + Math.floor(rand() * 600_000)
        pending.push(answerAt, outbound('Thanks for asking!', 'delivered', answerAt))
        if (rand() < 0.4) {
          const againAt = answerAt + 60_000 + Math.floor(rand() * 3600_000)
          pending.push(againAt, inbound('OK, count me in', againAt))
          seeded ??= { organizationId: org, contactId, conversationId }
        }
      }
    })()
    log(`seeded ${written} messages`)
  }
  db.close()
  return seeded!
}

/**
 * A GET that tries once more when the server had closed the kept-alive
 * connection fetch picked while this process was busy (seeding, counting).
 */
async function get(url: string, token: string) {
  try {
    return await fetch(url, { headers: { authorization: `Bearer ${token}` } })
  } catch {
    return fetch(url, { headers: { authorization: `Bearer ${token}` } })
  }
}

/** The first page's latency: the median of five requests after one to warm up. */
async function timeFirstPage(instance: Instance, token: string, query: string) {
  const url = `${instance.baseUrl}/api/v1/messages${query ? `?${query}` : ''}`
  const times: number[] = []
  let body: any
  for (let run = 0; run < 6; run++) {
    const started = performance.now()
    const response = await get(url, token)
    body = await response.json()
    if (!response.ok) throw new Error(`${query}: ${response.status} ${JSON.stringify(body)}`)
    if (run > 0) times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return { ms: times[Math.floor(times.length / 2)], total: body.meta.total as number }
}

const instance = await startInstance(PORT)
try {
  const token = createOwnerToken(instance)
  const campaign = await api(instance, token, '/campaigns', {
    name: 'Bench messages campaign',
    audience: {},
    script: { initial: [{ body: 'Hi {firstName}, this is {texterName} with {orgName}.' }] },
  })
  const campaignId = campaign.id as number
  const databasePath = join(instance.dataDir, 'porchlight.sqlite3')
  const started = performance.now()
  const seeded = seedMessages(databasePath, campaignId, MESSAGES)
  log(`seeded ${MESSAGES} messages in ${round((performance.now() - started) / 1000)} s`)
  // The seeding held this process's event loop; let it see the idle keep-alive
  // sockets the server closed meanwhile, or fetch would reuse a dead one.
  await sleep(100)

  const db = new Database(databasePath, { readonly: true })
  // An hourly sync: what changed in the last hour of the session.
  const { latest } = db.prepare('SELECT max(updated_at) AS latest FROM messages').get() as {
    latest: string
  }
  const lastHour = new Date(Date.parse(latest.replace(' ', 'T')) - 3600_000).toISOString()
  const beforeAll = new Date(START - 3600_000).toISOString()
  const filters: Record<string, { query: string; where: string; bindings: unknown[] }> = {
    unfiltered: { query: '', where: '1 = 1', bindings: [] },
    contactId: {
      query: `contactId=${seeded.contactId}`,
      where: 'contact_id = ?',
      bindings: [seeded.contactId],
    },
    conversationId: {
      query: `conversationId=${seeded.conversationId}`,
      where: 'campaign_contact_id = ?',
      bindings: [seeded.conversationId],
    },
    campaignId: {
      query: `campaignId=${campaignId}`,
      where: 'campaign_id = ?',
      bindings: [campaignId],
    },
    directionInbound: {
      query: 'direction=inbound',
      where: "direction = 'inbound'",
      bindings: [],
    },
    statusFailed: { query: 'status=failed', where: "status = 'failed'", bindings: [] },
    statusQueued: { query: 'status=queued', where: "status = 'queued'", bindings: [] },
    sinceLastHour: {
      query: `since=${lastHour}`,
      where: 'updated_at >= ?',
      bindings: [stamp(Date.parse(lastHour))],
    },
    sinceBeginning: {
      query: `since=${beforeAll}`,
      where: 'updated_at >= ?',
      bindings: [stamp(Date.parse(beforeAll))],
    },
    contactSinceBeginning: {
      query: `contactId=${seeded.contactId}&since=${beforeAll}`,
      where: 'contact_id = ? AND updated_at >= ?',
      bindings: [seeded.contactId, stamp(Date.parse(beforeAll))],
    },
    failedSinceLastHour: {
      query: `status=failed&since=${lastHour}`,
      where: "status = 'failed' AND updated_at >= ?",
      bindings: [stamp(Date.parse(lastHour))],
    },
    campaignQueued: {
      query: `campaignId=${campaignId}&status=queued`,
      where: "campaign_id = ? AND status = 'queued'",
      bindings: [campaignId],
    },
    campaignInbound: {
      query: `campaignId=${campaignId}&direction=inbound`,
      where: "campaign_id = ? AND direction = 'inbound'",
      bindings: [campaignId],
    },
    campaignFailed: {
      query: `campaignId=${campaignId}&status=failed`,
      where: "campaign_id = ? AND status = 'failed'",
      bindings: [campaignId],
    },
    campaignSinceLastHour: {
      query: `campaignId=${campaignId}&since=${lastHour}`,
      where: 'campaign_id = ? AND updated_at >= ?',
      bindings: [campaignId, stamp(Date.parse(lastHour))],
    },
  }

  const firstPageMs: Record<string, number> = {}
  const totals: Record<string, number> = {}
  for (const [name, filter] of Object.entries(filters)) {
    const { ms, total } = await timeFirstPage(instance, token, filter.query)
    const { expected } = db
      .prepare(`SELECT count(*) AS expected FROM messages WHERE ${filter.where}`)
      .get(...filter.bindings) as { expected: number }
    if (total !== expected) throw new Error(`${name}: the API counted ${total}, not ${expected}`)
    log(`${name}: ${round(ms)} ms (${total} messages)`)
    firstPageMs[name] = round(ms)
    totals[name] = total
  }
  db.close()

  console.log(JSON.stringify({ messages: MESSAGES, firstPageMs, totals }))
} finally {
  await stopInstance(instance)
}
