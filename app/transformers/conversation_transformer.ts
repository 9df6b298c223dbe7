import { BaseTransformer } from '@adonisjs/core/transformers'

/** A raw SQL time: a Date (MySQL) or text (SQLite). */
function isoOf(value: unknown) {
  if (!value) return null
  const date = value instanceof Date ? value : new Date(String(value).replace(' ', 'T'))
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

/** A conversation as the inbox lists it, from a row of `inboxPage`. */
export default class ConversationTransformer extends BaseTransformer<Record<string, any>> {
  toObject() {
    const row = this.resource
    return {
      id: row.id as number,
      status: row.status as string,
      campaign: { id: row.campaign_id as number, name: row.campaign_name as string },
      name: [row.first_name, row.last_name].filter(Boolean).join(' '),
      phone: row.phone as string,
      latest: row.latest_body
        ? { body: row.latest_body as string, direction: row.latest_direction as string }
        : null,
      lastInboundAt: isoOf(row.last_inbound_at),
      escalated: Boolean(row.escalated_at),
    }
  }
}
