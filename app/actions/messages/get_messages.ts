import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import Message from '#models/message'
import { sqlTime } from '#services/sql_time'
import type { messageFiltersValidator } from '#validators/message'

export type MessageFilters = Omit<Infer<typeof messageFiltersValidator>, 'page' | 'perPage'>

/**
 * A page of the organization's messages matching the filters, newest first
 * (with `since`, the latest changed first), and how many match in all. Each
 * filter is answered from an index that starts with the organization
 * (migration 5500): the count reads index entries only, the page's ids come
 * from walking one index in order, and rows are read for those ids alone.
 */
export default class GetMessages {
  static async handle({
    organizationId,
    filters,
    page,
    perPage,
  }: {
    organizationId: number
    filters: MessageFilters
    page: number
    perPage: number
  }) {
    const [{ total }] = await matching(organizationId, filters).count('* as total')
    const ordered = matching(organizationId, filters)
    // A sync (`since`) reads the latest changes first, from the index of changes.
    if (filters.since !== undefined) ordered.orderBy('updated_at', 'desc')
    const ids = await ordered
      .orderBy('id', 'desc')
      .offset((page - 1) * perPage)
      .limit(perPage)
      .select('id')
      .then((rows) => rows.map((row) => Number(row.id)))
    const rows = ids.length ? await Message.query().whereIn('id', ids) : []
    const byId = new Map(rows.map((message) => [message.id, message]))
    const messages = ids.map((id) => byId.get(id)).filter((message) => message !== undefined)
    return { messages, total: Number(total) }
  }
}

/** The matching rows' query, one organization's only. */
function matching(organizationId: number, filters: MessageFilters) {
  const query = db.from('messages').where('organization_id', organizationId)
  if (filters.contactId !== undefined) query.where('contact_id', filters.contactId)
  if (filters.campaignId !== undefined) query.where('campaign_id', filters.campaignId)
  if (filters.conversationId !== undefined) {
    query.where('campaign_contact_id', filters.conversationId)
  }
  if (filters.direction !== undefined) query.where('direction', filters.direction)
  if (filters.status !== undefined) query.where('status', filters.status)
  // Changed at or after: a status report stamps updated_at, so a sync sees it again.
  if (filters.since !== undefined) query.where('updated_at', '>=', sqlTime(filters.since))
  return query
}
