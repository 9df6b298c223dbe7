import db from '@adonisjs/lucid/services/db'

/** The conversations list's filters: waiting on me, everything, or ended. */
export const CONVERSATION_FILTERS = ['needs_reply', 'all', 'closed'] as const
export type ConversationFilter = (typeof CONVERSATION_FILTERS)[number]

const STATUSES: Record<ConversationFilter, string[] | null> = {
  needs_reply: ['needs_response'],
  all: null,
  closed: ['closed', 'opted_out', 'failed'],
}

type Owner = { organizationId: number; userId: number }
type Filters = { filter: ConversationFilter; campaignId?: number | null }

/**
 * A member's conversations: the contacts they hold that have been texted,
 * newest reply first (never-answered ones last, newest first text first).
 */
export function inboxQuery({ organizationId, userId }: Owner, { filter, campaignId }: Filters) {
  const statuses = STATUSES[filter]
  return db
    .from('campaign_contacts as cc')
    .join('contacts as c', 'c.id', 'cc.contact_id')
    .join('campaigns as k', 'k.id', 'cc.campaign_id')
    .where('cc.organization_id', organizationId)
    .where('cc.assigned_user_id', userId)
    .whereNotNull('cc.messaged_at')
    .if(statuses, (query) => query.whereIn('cc.status', statuses!))
    .if(campaignId, (query) => query.where('cc.campaign_id', campaignId!))
    .orderByRaw('cc.last_inbound_at is null')
    .orderBy('cc.last_inbound_at', 'desc')
    .orderBy('cc.messaged_at', 'desc')
    .orderBy('cc.id', 'desc')
}

/** One page of the list, each row with the latest text of the conversation. */
export async function inboxPage(owner: Owner, filters: Filters, page: number, perPage: number) {
  const result = await inboxQuery(owner, filters)
    .select(
      'cc.id',
      'cc.status',
      'cc.campaign_id',
      'k.name as campaign_name',
      'c.first_name',
      'c.last_name',
      'c.phone',
      'cc.last_inbound_at',
      'cc.last_outbound_at',
      'cc.escalated_at',
      db.raw(
        '(select m.body from messages m where m.campaign_contact_id = cc.id order by m.id desc limit 1) as latest_body'
      ),
      db.raw(
        '(select m.direction from messages m where m.campaign_contact_id = cc.id order by m.id desc limit 1) as latest_direction'
      )
    )
    .paginate(page, perPage)
  return { rows: result.all(), total: result.total }
}

/** The member's next conversation waiting on a reply, other than `currentId`. */
export async function nextNeedingReply(owner: Owner, currentId: number) {
  const row = await inboxQuery(owner, { filter: 'needs_reply' })
    .whereNot('cc.id', currentId)
    .select('cc.id')
    .first()
  return row ? (row.id as number) : null
}

/** How many of the member's conversations wait on a reply (the navigation's badge). */
export async function needsReplyCount({ organizationId, userId }: Owner) {
  const row = await db
    .from('campaign_contacts')
    .where('assigned_user_id', userId)
    .where('status', 'needs_response')
    .where('organization_id', organizationId)
    .count('* as total')
    .first()
  return Number(row?.total ?? 0)
}

/** The campaigns the member has conversations in, for the list's campaign filter. */
export function inboxCampaigns({ organizationId, userId }: Owner) {
  return db
    .from('campaigns as k')
    .where('k.organization_id', organizationId)
    .whereExists((query) =>
      query
        .from('campaign_contacts as cc')
        .whereColumn('cc.campaign_id', 'k.id')
        .where('cc.assigned_user_id', userId)
        .whereNotNull('cc.messaged_at')
    )
    .orderBy('k.id', 'desc')
    .select('k.id', 'k.name')
}
