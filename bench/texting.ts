/*
| The texter simulation the send-screen benchmarks share (bench:send on one
| SQLite process, bench:scale on several MySQL/MariaDB processes behind a load
| balancer): browsers signed in with their own session and CSRF token, the
| send screen's claim / next / send loop with repeated requests, a carrier
| stand-in that accepts every text, and the checks against the database
| afterwards.
*/
import { randomBytes, randomUUID } from 'node:crypto'
import { Agent, createServer, request } from 'node:http'
import { DateTime } from 'luxon'
import { api, log, resendOnReset } from './support.ts'

export const PASSWORD = 'bench-password-123'
export const SENDERS = Array.from({ length: 10 }, (_, index) => `+1202555${String(9000 + index)}`)
/** Share of sends re-sent with the same idempotency key (a retried request). */
const RETRY_SHARE = 0.02
/** Share of sends sent again for the same contact with a new key (a second press). */
const SECOND_PRESS_SHARE = 0.005

export const phone = (index: number) => `+1303${String(2_000_000 + index).padStart(7, '0')}`
export const sqlTime = (date: Date) => date.toISOString().slice(0, 19).replace('T', ' ')

/**
 * The US zone (states and territories) where texting stays allowed longest
 * from now: federal hours are 08:00–21:00 local, so which zone that is
 * depends on when the benchmark runs.
 */
export function zoneInsideTextingHours() {
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

const agent = new Agent({ keepAlive: true })
/** Requests sent again because a kept-alive connection was closed as it was reused. */
export const connection = { resets: 0 }

export function closeConnections() {
  agent.destroy()
}

export type Reply = { status: number; body: string; cookies: string[] }

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
export class Browser {
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
    const reply = await resendOnReset(
      () => call(method, url, headers, body),
      () => connection.resets++
    )
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
export function startCarrier(port: number) {
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
    server.listen(port, '127.0.0.1', () => resolve(server))
  )
}

/* -------------------------------------------------------------- setup ---- */

type Target = { baseUrl: string }

async function patch(target: Target, token: string, path: string, body: unknown) {
  const response = await fetch(`${target.baseUrl}/api/v1${path}`, {
    method: 'PATCH',
    headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`PATCH ${path}: ${response.status} ${await response.text()}`)
}

/**
 * The organization's texting window as wide as the federal rule allows, a
 * fake-carrier account (its client pointed at `carrierPort` when given) and
 * an empty list, made through the API.
 */
export async function createAccountAndList(
  target: Target,
  token: string,
  {
    carrierPort,
    signingSecret = randomBytes(24).toString('hex'),
  }: {
    carrierPort?: number
    signingSecret?: string
  }
) {
  await patch(target, token, '/organization', {
    settings: { textingHours: { start: '08:00', end: '21:00' } },
  })
  const account = await api(target, token, '/provider-accounts', {
    provider: 'fake',
    name: 'Bench carrier',
    credentials: { signingSecret },
    // Demo mode lets the fake carrier run on a production build.
    settings: {
      demoMode: 'true',
      deliveryDelayMs: '600000',
      ...(carrierPort ? { apiBaseUrl: `http://127.0.0.1:${carrierPort}` } : {}),
    },
    numbers: SENDERS,
  })
  const list = await api(target, token, '/lists', { name: 'Bench audience' })
  return { accountId: account.id as number, listId: list.id as number, signingSecret }
}

/** A campaign to the list's seeded contacts, launched. */
export async function launchCampaign(
  target: Target,
  token: string,
  { accountId, listId, batchSize }: { accountId: number; listId: number; batchSize: number }
) {
  const campaign = await api(target, token, '/campaigns', {
    name: 'Bench campaign',
    providerAccountId: accountId,
    audience: { listIds: [listId] },
    script: {
      initial: [
        { body: 'Hi {firstName}, this is {texterName} with {orgName}. Reply STOP to opt out' },
      ],
    },
    batchSize,
  })
  const launched = await api(target, token, `/campaigns/${campaign.id}/launch`, {})
  log(`Launched campaign ${campaign.id} to ${launched.targeted} contacts`)
  return campaign.id as number
}

/* ------------------------------------------------------------ texting ---- */

type Card = { campaignContactId: number }

/**
 * `sends` first texts of one campaign, shared by every texter it runs, and
 * what they saw, for the checks against the database afterwards.
 */
export class SendRun {
  readonly answered = new Map<number, number>()
  readonly durations: number[] = []
  readonly failures = new Map<string, number>()
  repeatsRefused = 0
  #started = 0
  #sends: number
  #thinkMs: number

  constructor({ sends, thinkMs }: { sends: number; thinkMs: number }) {
    this.#sends = sends
    this.#thinkMs = thinkMs
  }

  #failure(what: string, reply: Reply) {
    const key = `${what} ${reply.status}: ${reply.body.slice(0, 160)}`
    this.failures.set(key, (this.failures.get(key) ?? 0) + 1)
  }

  #pause() {
    return this.#thinkMs > 0
      ? new Promise((resolve) => setTimeout(resolve, this.#thinkMs * (0.5 + Math.random())))
      : Promise.resolve()
  }

  async #timed(browser: Browser, path: string, json: unknown) {
    const t0 = performance.now()
    const reply = await browser.request('POST', path, json)
    this.durations.push(performance.now() - t0)
    return reply
  }

  /**
   * One texter at the send screen: claims a batch when the screen runs dry,
   * sends the card shown, takes the next card from the answer, and now and
   * then repeats a request. Volunteers come in over the first think time, as
   * a shift fills up, not all in the same millisecond (with a think time).
   */
  async texter(browser: Browser, campaignId: number) {
    await new Promise((resolve) => setTimeout(resolve, this.#thinkMs * Math.random()))
    const base = `/texting/campaigns/${campaignId}`
    const queue: Card[] = []
    const enqueue = (card: Card | null | undefined) => {
      if (card && !queue.some((c) => c.campaignContactId === card.campaignContactId)) {
        queue.push(card)
      }
    }
    while (this.#started < this.#sends) {
      if (!queue.length) {
        const next = await browser.request('GET', `${base}/next?count=2`)
        if (next.status !== 200) return this.#failure('next', next)
        JSON.parse(next.body).contacts.forEach(enqueue)
        if (!queue.length) {
          const claim = await browser.request('POST', `${base}/claim`, {})
          if (claim.status !== 200) return this.#failure('claim', claim)
          if (!JSON.parse(claim.body).claimed) return
          continue
        }
      }
      const card = queue.shift()!
      this.#started++
      const send = { campaignContactId: card.campaignContactId, idempotencyKey: randomUUID() }
      const reply = await this.#timed(browser, `${base}/send`, send)
      if (reply.status !== 200) {
        this.#failure('send', reply)
        continue
      }
      const { message, next } = JSON.parse(reply.body)
      this.answered.set(card.campaignContactId, message.id)
      enqueue(next)

      const dice = Math.random()
      if (dice < RETRY_SHARE) {
        // The same request again: answered like the first, with the same text.
        const again = await this.#timed(browser, `${base}/send`, send)
        if (again.status !== 200 || JSON.parse(again.body).message.id !== message.id) {
          this.#failure('retry', again)
        }
      } else if (dice < RETRY_SHARE + SECOND_PRESS_SHARE) {
        // The same contact under a new key: never a second text.
        const again = await this.#timed(browser, `${base}/send`, {
          ...send,
          idempotencyKey: randomUUID(),
        })
        if (again.status === 409) this.repeatsRefused++
        else if (again.status !== 200 || JSON.parse(again.body).message.id !== message.id) {
          this.#failure('second press', again)
        }
      }
      await this.#pause()
    }
  }

  /** Logs what went wrong during the run. */
  report() {
    for (const [what, count] of this.failures) log(`${count} × ${what}`)
    if (connection.resets) log(`${connection.resets} requests sent again after a connection reset`)
    log(`${this.repeatsRefused} second presses answered without a second text`)
  }

  /**
   * Duplicates (first texts beyond one per contact) and lost sends (answered
   * with a message the database does not hold), from the campaign's outbound
   * texts as `id, contactId` rows.
   */
  check(texts: Array<{ id: number; contactId: number }>) {
    const perContact = new Map<number, number>()
    for (const text of texts)
      perContact.set(text.contactId, (perContact.get(text.contactId) ?? 0) + 1)
    const ids = new Set(texts.map((text) => Number(text.id)))
    return {
      lost: [...this.answered.values()].filter((id) => !ids.has(id)).length,
      duplicates: [...perContact.values()].reduce((sum, count) => sum + count - 1, 0),
    }
  }
}

/** The query that lists a campaign's outbound texts for `SendRun.check`. */
export const OUTBOUND_TEXTS_SQL = `SELECT id, campaign_contact_id AS contactId FROM messages
  WHERE campaign_id = ? AND direction = 'outbound'`
