import db from '@adonisjs/lucid/services/db'
import { clock } from '#services/clock'
import { dialectOf } from '#services/db/sql'
import { clickLog } from '#services/links/click_log'
import { DELIVERY_SCAN_MS, isPreview } from '#services/links/previews'
import { CODE_PATTERN } from '#services/links/short_links'

type Params = { code: string; method: string; userAgent: string | undefined }

/** What a hit needs of a link: whose it is, where it leads, when its text was delivered. */
type Link = { id: number; campaignContactId: number; target: string; deliveredAt: Date | null }

/**
 * The code's link and its text's delivery time, by the code's unique index.
 * Plain SQL, the same on SQLite and MySQL: a query builder would be compiled
 * anew on the server's thread for every hit (about half the lookup's time).
 */
const LOOKUP = `SELECT l.id, l.campaign_contact_id, l.target, m.delivered_at
  FROM tracked_links l LEFT JOIN messages m ON m.idempotency_key = l.message_key
  WHERE l.code = ? LIMIT 1`

/** Links kept in memory at most, and for how long each. */
const CACHE_SIZE = 10_000
const CACHE_MS = 60_000

/**
 * Recently followed links, by code. A link's target and owner never change
 * once its text is sent, so the redirect may answer from memory; only the
 * delivery time can still change (it is null until the receipt), so a link
 * is kept only once its text was delivered long enough ago that no hit can
 * be a delivery scan any more. Entries expire after CACHE_MS, so a deleted
 * campaign's links stop answering within a minute; the least recently
 * followed go first when the cache is full.
 */
class RecentLinks {
  #links = new Map<string, { link: Link; until: number }>()

  get(code: string, now: number) {
    const entry = this.#links.get(code)
    if (!entry) return null
    this.#links.delete(code)
    if (entry.until <= now) return null
    this.#links.set(code, entry)
    return entry.link
  }

  keep(code: string, link: Link, now: number) {
    if (!link.deliveredAt || now - link.deliveredAt.getTime() <= DELIVERY_SCAN_MS) return
    this.#links.set(code, { link, until: now + CACHE_MS })
    if (this.#links.size > CACHE_SIZE) this.#links.delete(this.#links.keys().next().value!)
  }
}

const recentLinks = new RecentLinks()

/**
 * A hit on a short link: the URL it stands for, or null for an unknown code.
 * The target is only ever the stored one, a URL that was in a text sent to
 * this person; nothing in the request can choose where it leads. One indexed
 * read (the code, and the text's delivery time by its idempotency key), or
 * none for a link followed lately; the click or preview is counted in memory
 * and written in batches.
 */
export default class FollowLink {
  static async handle({ code, method, userAgent }: Params): Promise<string | null> {
    if (!CODE_PATTERN.test(code)) return null
    const at = clock.now()
    const link = recentLinks.get(code, at.getTime()) ?? (await lookUp(code, at))
    if (!link) return null
    const { deliveredAt } = link
    const kind = isPreview({ method, userAgent, at, deliveredAt }) ? 'preview' : 'click'
    clickLog.record(link.id, link.campaignContactId, kind, at)
    return link.target
  }
}

async function lookUp(code: string, at: Date): Promise<Link | null> {
  const client = db.connection()
  const result = await client.rawQuery(LOOKUP, [code])
  const [row] = dialectOf(client) === 'mysql' ? result[0] : result
  if (!row) return null
  const link: Link = {
    id: row.id,
    campaignContactId: row.campaign_contact_id,
    target: row.target,
    deliveredAt: row.delivered_at ? dateOf(row.delivered_at) : null,
  }
  recentLinks.keep(code, link, at.getTime())
  return link
}

/** A timestamp as the driver reads it: a Date (MySQL) or local `yyyy-MM-dd HH:mm:ss` (SQLite). */
function dateOf(value: unknown) {
  return value instanceof Date ? value : new Date(String(value).replace(' ', 'T'))
}
