import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import Message from '#models/message'
import { dialectOf, raw, sql, unindexed } from '#services/db/sql'
import { sqlTime } from '#services/db/sql_time'
import type { messageFiltersValidator } from '#validators/message'

type MessageFilters = Omit<Infer<typeof messageFiltersValidator>, 'page' | 'perPage'>

/**
 * A page of the organization's messages matching the filters, newest first,
 * and how many match in all. Each filter is answered from an index that
 * starts with the organization (migration 5500): the count reads index
 * entries only, the page's ids come from one index, and rows are read for
 * those ids alone.
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
    // Newest first even for a sync (`since`): an id never changes, so a text
    // changing while a client pages cannot move across pages.
    const ids = await matching(organizationId, filters)
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
  // A contact or a conversation has a handful of texts: its index leads and
  // the other filters are checked on those rows only.
  const few = filters.contactId !== undefined || filters.conversationId !== undefined
  const dialect = dialectOf(query.client)
  const where = (column: string, operator: string, value: unknown) => {
    const condition = sql`${few ? unindexed(dialect, column) : raw(column)} ${raw(operator)} ${value}`
    query.whereRaw(condition.sql, condition.bindings as never[])
  }

  if (filters.contactId !== undefined) query.where('contact_id', filters.contactId)
  if (filters.conversationId !== undefined) {
    query.where('campaign_contact_id', filters.conversationId)
  }
  if (filters.campaignId !== undefined) where('campaign_id', '=', filters.campaignId)
  if (filters.direction !== undefined) where('direction', '=', filters.direction)
  if (filters.status !== undefined) where('status', '=', filters.status)
  // Changed at or after: a status report stamps updated_at, so a sync sees it again.
  if (filters.since !== undefined) where('updated_at', '>=', sqlTime(filters.since))
  return query
}
