import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { clock } from '#services/clock'
import { sqlTime } from '#services/db/sql_time'
import { linkBase, newCode, replaceLinks } from '#services/links/short_links'

/** The campaign text whose links are tracked, and what reports group clicks by. */
export type TrackedText = {
  organizationId: number
  campaignId: number
  campaignContactId: number
  /** The message's idempotency key: one text, rewritten once. */
  messageKey: string
  variantId: number | null
  followUpStepId: number | null
  sentById: number
  linkDomain: string | null
}

/**
 * The text with each http(s) URL replaced by a short link of its own for this
 * contact, its targets stored. Runs in the transaction that queues the text,
 * after the text was claimed (a text is claimed once), so the links exist
 * exactly when the text does: a rolled-back send leaves none behind, and a
 * repeat of the same press answers the text already queued with its links.
 */
export async function trackLinks(trx: TransactionClientContract, body: string, text: TrackedText) {
  const base = linkBase(text.linkDomain)
  const createdAt = sqlTime(clock.now())
  const rows: Record<string, unknown>[] = []
  const rewritten = replaceLinks(body, (target, position) => {
    const code = newCode()
    rows.push({
      code,
      organization_id: text.organizationId,
      campaign_id: text.campaignId,
      campaign_contact_id: text.campaignContactId,
      message_key: text.messageKey,
      position,
      variant_id: text.variantId,
      follow_up_step_id: text.followUpStepId,
      sent_by_id: text.sentById,
      target,
      created_at: createdAt,
    })
    return `${base}${code}`
  })
  if (rows.length) await trx.table('tracked_links').multiInsert(rows)
  return rewritten
}
