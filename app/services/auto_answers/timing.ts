import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import { sqlTime } from '#services/db/sql_time'

/**
 * Ten minutes, twice (docs/conversations.md "Automatic answers"): a person
 * who wrote to us may get the automatic answer outside texting hours only
 * this soon after their text, and a phone gets at most one automatic answer
 * this often, so two auto-responders cannot answer each other forever.
 */
export const AUTO_ANSWER_WINDOW_MS = 10 * 60_000

/** Whether this contact got an automatic answer less than ten minutes before `now`. */
export async function answeredRecently(
  organizationId: number,
  contactId: number,
  now: Date,
  trx: TransactionClientContract
) {
  const recent = await trx
    .from('auto_answer_firings')
    .where('organization_id', organizationId)
    .where('contact_id', contactId)
    .where('fired_at', '>', sqlTime(new Date(now.getTime() - AUTO_ANSWER_WINDOW_MS)))
    .select('id')
    .first()
  return Boolean(recent)
}

/**
 * For each of these outbound ids that is an automatic answer: whether it is
 * still within ten minutes of the text it answers at `now`.
 */
export async function autoAnswersInGrace(messageIds: number[], now: Date) {
  const inGrace = new Map<number, boolean>()
  if (!messageIds.length) return inGrace
  const earliest = sqlTime(new Date(now.getTime() - AUTO_ANSWER_WINDOW_MS))
  const rows = await db
    .from('auto_answer_firings')
    .whereIn('reply_message_id', messageIds)
    .select('reply_message_id')
    .select(db.raw('case when fired_at >= ? then 1 else 0 end as in_grace', [earliest]))
  for (const row of rows) inGrace.set(row.reply_message_id, Number(row.in_grace) === 1)
  return inGrace
}
