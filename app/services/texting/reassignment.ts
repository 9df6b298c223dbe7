import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { CampaignContactStatus } from '#models/campaign_contact'
import { forUpdateSkipLocked, locksRows } from '#services/db/row_locks'
import { sqlNow } from '#services/db/sql_time'

/** Conversations still open: a texter (or the pool) owes them attention. */
export const OPEN_CONVERSATION_STATUSES: CampaignContactStatus[] = [
  'messaged',
  'needs_response',
  'conversing',
]

/** What part of a texter's load moves: first texts not yet sent, open conversations, or both. */
export const LOAD_SCOPES = ['unsent', 'conversations', 'all'] as const
export type LoadScope = (typeof LOAD_SCOPES)[number]

/**
 * Which campaign contacts an organizer moves.
 * - `pool`: up to `count` unsent contacts nobody holds, oldest first.
 * - `contacts`: exactly these (already checked to belong to the campaign).
 * - `load`: what `fromUserId` holds, limited to `scope`; closed conversations stay.
 * - `waitingReplies`: replies waiting longer than `olderThanHours`, optionally only `fromUserId`'s.
 */
export type Selection =
  | { kind: 'pool'; count: number }
  | { kind: 'contacts'; campaignContactIds: number[] }
  | { kind: 'load'; fromUserId: number; scope: LoadScope }
  | { kind: 'waitingReplies'; olderThanHours: number; fromUserId?: number }

const SKIPPED_LAST = 'CASE WHEN skipped_at IS NULL THEN 0 ELSE 1 END, id'

const SCOPE_STATUSES: Record<LoadScope, CampaignContactStatus[]> = {
  unsent: ['needs_message'],
  conversations: OPEN_CONVERSATION_STATUSES,
  all: ['needs_message', ...OPEN_CONVERSATION_STATUSES],
}

/** Conversations that changed hands: one of them, and who held them before. */
export type MovedConversations = {
  sample: { id: number; status: CampaignContactStatus }
  previousUserIds: number[]
} | null

/**
 * Gives the selected contacts of a campaign to `toUserId`, or back to the
 * pool when it is null, and answers how many changed hands and which open
 * conversations were among them (so their old and new holders can be told).
 * Contacts the target already holds are left alone, so repeating a move
 * changes nothing. Each move is one UPDATE (the pool's is guarded against
 * texters claiming the same rows), so it either happens whole or not at all.
 */
export async function moveAssignments(
  trx: TransactionClientContract,
  campaignId: number,
  selection: Selection,
  toUserId: number | null
): Promise<{ changed: number; conversations: MovedConversations }> {
  const now = sqlNow()
  const change = {
    assigned_user_id: toUserId,
    assigned_at: toUserId === null ? null : now,
    updated_at: now,
  }

  if (selection.kind === 'pool') {
    const changed = await takeFromPool(trx, campaignId, selection.count, change)
    return { changed, conversations: null }
  }

  const query = trx.from('campaign_contacts').where('campaign_id', campaignId)
  if (toUserId === null) query.whereNotNull('assigned_user_id')
  else
    query.where((held) =>
      held.whereNull('assigned_user_id').orWhereNot('assigned_user_id', toUserId)
    )

  if (selection.kind === 'contacts') {
    query.whereIn('id', selection.campaignContactIds)
  } else if (selection.kind === 'load') {
    query
      .where('assigned_user_id', selection.fromUserId)
      .whereIn('status', SCOPE_STATUSES[selection.scope])
  } else {
    const cutoff = sqlNow(-selection.olderThanHours * 3_600_000)
    query.where('status', 'needs_response').where('last_inbound_at', '<', cutoff)
    if (selection.fromUserId !== undefined) query.where('assigned_user_id', selection.fromUserId)
  }

  const holders = await query
    .clone()
    .whereIn('status', OPEN_CONVERSATION_STATUSES)
    .groupBy('assigned_user_id')
    .select('assigned_user_id')
    .min('id as id')
  const changed = Number(await query.update(change))
  if (!holders.length) return { changed, conversations: null }
  const sample = await trx.from('campaign_contacts').where('id', holders[0].id).first()
  return {
    changed,
    conversations: {
      sample: { id: Number(sample.id), status: sample.status },
      previousUserIds: holders
        .map((row) => row.assigned_user_id)
        .filter((userId): userId is number => userId !== null)
        .map(Number),
    },
  }
}

/**
 * Up to `count` unsent contacts nobody holds, those a texter skipped last
 * (as texters' own claims take them). On MySQL the rows are locked
 * and texters' claims in flight are skipped; on SQLite the one statement
 * runs under the single writer. Either way a contact a texter claimed first
 * is never taken from them.
 */
async function takeFromPool(
  trx: TransactionClientContract,
  campaignId: number,
  count: number,
  change: Record<string, unknown>
) {
  const unclaimed = (query: ReturnType<TransactionClientContract['query']>) =>
    query
      .from('campaign_contacts')
      .where('campaign_id', campaignId)
      .whereNull('assigned_user_id')
      .where('status', 'needs_message')

  if (locksRows(trx)) {
    const rows = (await forUpdateSkipLocked(
      unclaimed(trx.query()).orderByRaw(SKIPPED_LAST).limit(count).select('id')
    )) as { id: number }[]
    if (!rows.length) return 0
    const ids = rows.map((row) => row.id)
    return Number(await unclaimed(trx.query()).whereIn('id', ids).update(change))
  }
  const ids = unclaimed(trx.query()).orderByRaw(SKIPPED_LAST).limit(count).select('id')
  return Number(await unclaimed(trx.query()).whereIn('id', ids).update(change))
}
