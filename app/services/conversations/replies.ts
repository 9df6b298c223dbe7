import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { DateTime } from 'luxon'
import { sentimentOf } from '#services/conversations/sentiment'
import type { ConversationSummary } from '#services/realtime/updates'
import { sqlTime } from '#services/db/sql_time'

/** Conversations that still wait on someone; reply handlers are balanced by these. */
export const OPEN_STATUSES = ['needs_response', 'conversing'] as const

type Conversation = {
  id: number
  campaignId: number
  status: string
  assignedUserId: number | null
  repliedAt: unknown
  routeRepliesToHandlers: boolean
}

/**
 * The campaign conversation a reply from `contactId` answers: the one that
 * texted the person most recently, in any campaign that is not archived.
 * (Plain query: this runs for every inbound text.)
 */
export async function conversationFor(
  organizationId: number,
  contactId: number,
  trx: TransactionClientContract
): Promise<Conversation | null> {
  const row = await trx
    .from('campaign_contacts as cc')
    .join('campaigns as c', 'c.id', 'cc.campaign_id')
    .where('cc.organization_id', organizationId)
    .where('cc.contact_id', contactId)
    .whereNotNull('cc.messaged_at')
    .whereNot('c.status', 'archived')
    .orderByRaw('coalesce(cc.last_outbound_at, cc.messaged_at) desc')
    .orderBy('cc.id', 'desc')
    .select(
      'cc.id',
      'cc.campaign_id',
      'cc.status',
      'cc.assigned_user_id',
      'cc.replied_at',
      'c.route_replies_to_handlers'
    )
    .first()
  if (!row) return null
  return {
    id: row.id,
    campaignId: row.campaign_id,
    status: row.status,
    assignedUserId: row.assigned_user_id,
    repliedAt: row.replied_at,
    routeRepliesToHandlers: Boolean(row.route_replies_to_handlers),
  }
}

/**
 * The campaign's active reply handler holding the fewest open conversations
 * in it (ties: the earliest handler), or null when it has none.
 */
async function leastBusyHandler(campaignId: number, trx: TransactionClientContract) {
  const row = await trx
    .from('campaign_reply_handlers as h')
    .join('memberships as m', (join) => {
      join.on('m.user_id', 'h.user_id').andOn('m.organization_id', 'h.organization_id')
    })
    .leftJoin('campaign_contacts as cc', (join) => {
      join
        .on('cc.campaign_id', 'h.campaign_id')
        .andOn('cc.assigned_user_id', 'h.user_id')
        .andOnIn('cc.status', [...OPEN_STATUSES])
    })
    .where('h.campaign_id', campaignId)
    .where('m.status', 'active')
    .groupBy('h.id', 'h.user_id')
    .orderByRaw('count(cc.id) asc')
    .orderBy('h.id', 'asc')
    .select('h.user_id')
    .first()
  return row ? (row.user_id as number) : null
}

/**
 * Records a reply on its conversation: it now needs a response (a closed
 * conversation reopens; an opted-out one stays opted out unless the reply
 * opts back in — START, UNSTOP), with the reply's
 * time and sentiment. On the first reply of a campaign that routes replies
 * to handlers, the conversation moves to the least busy handler.
 * Returns the conversation as it now stands, and who held it before.
 */
export async function recordReply(
  conversation: Conversation,
  reply: { body: string; at: DateTime; optingIn?: boolean },
  trx: TransactionClientContract
): Promise<{ summary: ConversationSummary; previousUserId: number | null }> {
  const at = sqlTime(reply.at)
  const changes: Record<string, unknown> = {
    last_inbound_at: at,
    sentiment: sentimentOf(reply.body),
    updated_at: at,
  }
  let status = conversation.status
  if (status !== 'opted_out' || reply.optingIn) status = changes.status = 'needs_response'
  if (!conversation.repliedAt) changes.replied_at = at

  let assignedUserId = conversation.assignedUserId
  if (!conversation.repliedAt && conversation.routeRepliesToHandlers) {
    const handler = await leastBusyHandler(conversation.campaignId, trx)
    if (handler && handler !== assignedUserId) {
      assignedUserId = changes.assigned_user_id = handler
      changes.assigned_at = at
    }
  }
  await trx.from('campaign_contacts').where('id', conversation.id).update(changes)
  return {
    summary: { id: conversation.id, campaignId: conversation.campaignId, status, assignedUserId },
    previousUserId: conversation.assignedUserId,
  }
}
