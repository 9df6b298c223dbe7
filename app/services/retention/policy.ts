import type { DateTime } from 'luxon'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { RetentionSettings } from '#models/organization'
import { absoluteExportPath } from '#services/exports/csv_file'
import { sqlTime } from '#services/db/sql_time'

/**
 * What the retention settings remove, and removing it (docs/compliance.md
 * "Retention").
 *
 * A conversation is the texts with one contact in one campaign (texts
 * outside any campaign make up the contact's own conversation). Once its last
 * text is older than the cutoff, every text in it keeps its row (direction,
 * status, segments, dates: what reports count) but loses its body and media.
 * Contacts and the opt-out list are never touched. An export older than its
 * cutoff (and finished) is deleted with its file.
 */

export type RetentionCounts = { conversations: number; exports: number }

type Conversation = { contact_id: number | null; campaign_contact_id: number | null }

/** Times older than these are removed; null: that limit is off. */
export function retentionCutoffs(retention: RetentionSettings, now: DateTime) {
  return {
    conversations: retention.conversationsMonths
      ? sqlTime(now.minus({ months: retention.conversationsMonths }))
      : null,
    exports: retention.exportsDays ? sqlTime(now.minus({ days: retention.exportsDays })) : null,
  }
}

/** Conversations whose last text is older than the cutoff and that still hold a body or media. */
function expiredConversations(
  trx: QueryClientContract,
  organizationId: number,
  cutoff: string
): Promise<Conversation[]> {
  return trx
    .from('messages')
    .where('organization_id', organizationId)
    .groupBy('contact_id', 'campaign_contact_id')
    .havingRaw('max(created_at) < ?', [cutoff])
    .havingRaw(`sum(case when body <> '' or media is not null then 1 else 0 end) > 0`)
    .select('contact_id', 'campaign_contact_id')
}

function expiredExports(trx: QueryClientContract, organizationId: number, cutoff: string) {
  return trx
    .from('exports')
    .where('organization_id', organizationId)
    .whereIn('status', ['completed', 'failed'])
    .where('created_at', '<', cutoff)
}

/** What applying the settings now would remove (the settings page's dry run). */
export async function countExpired(
  trx: QueryClientContract,
  organizationId: number,
  retention: RetentionSettings,
  now: DateTime
): Promise<RetentionCounts> {
  const cutoffs = retentionCutoffs(retention, now)
  let conversations = 0
  if (cutoffs.conversations) {
    const expired = await expiredConversations(trx, organizationId, cutoffs.conversations)
    conversations = expired.length
  }
  let exports = 0
  if (cutoffs.exports) {
    const row = await expiredExports(trx, organizationId, cutoffs.exports)
      .count('* as total')
      .first()
    exports = Number(row?.total ?? 0)
  }
  return { conversations, exports }
}

/**
 * Blanks expired conversations' texts and deletes expired export rows;
 * returns what it removed, with the export files for the caller to delete
 * once the transaction has committed.
 */
export async function removeExpired(
  trx: TransactionClientContract,
  organizationId: number,
  retention: RetentionSettings,
  now: DateTime
) {
  const cutoffs = retentionCutoffs(retention, now)
  let messagesBlanked = 0
  const conversations = cutoffs.conversations
    ? await expiredConversations(trx, organizationId, cutoffs.conversations)
    : []
  for (const conversation of conversations) {
    const blanked = await trx
      .from('messages')
      .where('organization_id', organizationId)
      .where('created_at', '<', cutoffs.conversations!)
      .where((query) => {
        if (conversation.contact_id === null) query.whereNull('contact_id')
        else query.where('contact_id', conversation.contact_id)
      })
      .where((query) => {
        if (conversation.campaign_contact_id === null) query.whereNull('campaign_contact_id')
        else query.where('campaign_contact_id', conversation.campaign_contact_id)
      })
      .update({ body: '', media: null, updated_at: sqlTime(now) })
    messagesBlanked += Number(blanked)
  }

  const exports: { id: number; file_path: string | null }[] = cutoffs.exports
    ? await expiredExports(trx, organizationId, cutoffs.exports).select('id', 'file_path')
    : []
  if (exports.length) {
    await trx
      .from('exports')
      .whereIn(
        'id',
        exports.map((record) => record.id)
      )
      .delete()
  }
  return {
    conversations: conversations.length,
    messagesBlanked,
    exports: exports.length,
    files: exports.flatMap((record) =>
      record.file_path ? [absoluteExportPath(record.file_path)] : []
    ),
  }
}
