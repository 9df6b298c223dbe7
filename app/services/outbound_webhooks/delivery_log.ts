import db from '@adonisjs/lucid/services/db'

export type DeliveryLogRow = {
  id: number
  webhookId: string
  eventType: string
  status: string
  attempts: number
  responseStatus: number | null
  durationMs: number | null
  responseBody: string | null
  lastAttemptAt: string | null
  nextAttemptAt: string | null
  createdAt: string
}

/** A timestamp column as ISO (SQLite gives local-time text, MySQL a Date). */
function iso(value: Date | string | null): string | null {
  if (value === null) return null
  return (value instanceof Date ? value : new Date(value)).toISOString()
}

export const DELIVERIES_PER_PAGE = 50

/** An endpoint's deliveries, newest first, a page at a time. */
export async function deliveryLog(endpointId: number, page = 1) {
  const query = db.from('webhook_deliveries as d').where('d.endpoint_id', endpointId)
  const [{ total }] = await query.clone().count('* as total')
  const rows = await query
    .join('domain_events as ev', 'ev.id', 'd.event_id')
    .orderBy('d.id', 'desc')
    .offset((page - 1) * DELIVERIES_PER_PAGE)
    .limit(DELIVERIES_PER_PAGE)
    .select(
      'd.id',
      'd.status',
      'd.attempts',
      'd.response_status',
      'd.duration_ms',
      'd.response_body',
      'd.last_attempt_at',
      'd.next_attempt_at',
      'd.created_at',
      'ev.public_id',
      'ev.type'
    )
  const data = rows.map((row): DeliveryLogRow => ({
    id: row.id,
    webhookId: row.public_id,
    eventType: row.type,
    status: row.status,
    attempts: row.attempts,
    responseStatus: row.response_status,
    durationMs: row.duration_ms,
    responseBody: row.response_body,
    lastAttemptAt: iso(row.last_attempt_at),
    nextAttemptAt: iso(row.next_attempt_at),
    createdAt: iso(row.created_at)!,
  }))
  return { data, total: Number(total), page, perPage: DELIVERIES_PER_PAGE }
}
