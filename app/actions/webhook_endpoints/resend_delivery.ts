import db from '@adonisjs/lucid/services/db'
import type WebhookEndpoint from '#models/webhook_endpoint'
import { clock } from '#services/clock'
import { sqlTime } from '#services/db/sql_time'
import { deliveriesQueued } from '#services/outbound_webhooks/events'

/**
 * "Send again": queues the delivery's event to its endpoint once more, as
 * a new delivery in the log carrying the same event, so the receiver sees
 * the same webhook-id and can tell it is a repeat. It has its own day of
 * retries. Null when the endpoint
 * has no such delivery.
 */
export default class ResendDelivery {
  static async handle({
    endpoint,
    deliveryId,
  }: {
    endpoint: WebhookEndpoint
    deliveryId: unknown
  }) {
    const id = Number(deliveryId)
    if (!Number.isSafeInteger(id)) return null
    const original = await db
      .from('webhook_deliveries')
      .where('id', id)
      .where('endpoint_id', endpoint.id)
      .select('event_id', 'ordering_key')
      .first()
    if (!original) return null
    const now = sqlTime(clock.now())
    const [newId] = await db.insertQuery().table('webhook_deliveries').insert({
      organization_id: endpoint.organizationId,
      endpoint_id: endpoint.id,
      event_id: original.event_id,
      ordering_key: original.ordering_key,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      created_at: now,
    })
    deliveriesQueued()
    return Number(newId)
  }
}
