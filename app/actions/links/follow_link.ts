import db from '@adonisjs/lucid/services/db'
import { clock } from '#services/clock'
import { clickLog } from '#services/links/click_log'
import { isPreview } from '#services/links/previews'
import { CODE_PATTERN } from '#services/links/short_links'

type Params = { code: string; method: string; userAgent: string | undefined }

/**
 * A hit on a short link: the URL it stands for, or null for an unknown code.
 * The target is only ever the stored one, a URL that was in a text sent to
 * this person; nothing in the request can choose where it leads. One indexed
 * read (the code, and the text's delivery time by its idempotency key); the
 * click or preview is counted in memory and written in batches.
 */
export default class FollowLink {
  static async handle({ code, method, userAgent }: Params): Promise<string | null> {
    if (!CODE_PATTERN.test(code)) return null
    const link = await db
      .from('tracked_links as l')
      .leftJoin('messages as m', 'm.idempotency_key', 'l.message_key')
      .where('l.code', code)
      .select('l.id', 'l.campaign_contact_id', 'l.target', 'm.delivered_at')
      .first()
    if (!link) return null
    const at = clock.now()
    const deliveredAt = link.delivered_at ? dateOf(link.delivered_at) : null
    const kind = isPreview({ method, userAgent, at, deliveredAt }) ? 'preview' : 'click'
    clickLog.record(link.id, link.campaign_contact_id, kind, at)
    return link.target as string
  }
}

/** A timestamp as the driver reads it: a Date (MySQL) or local `yyyy-MM-dd HH:mm:ss` (SQLite). */
function dateOf(value: unknown) {
  return value instanceof Date ? value : new Date(String(value).replace(' ', 'T'))
}
