import type { DeliveryLogRow } from '#services/outbound_webhooks/delivery_log'
import { BaseTransformer } from '@adonisjs/core/transformers'

/** One delivery in an endpoint's log: its latest attempt's outcome. */
export default class WebhookDeliveryTransformer extends BaseTransformer<DeliveryLogRow> {
  toObject() {
    const row = this.resource
    return {
      id: row.id,
      webhookId: row.webhookId,
      eventType: row.eventType,
      status: row.status,
      attempts: row.attempts,
      responseStatus: row.responseStatus,
      durationMs: row.durationMs,
      responseBody: row.responseBody,
      lastAttemptAt: row.lastAttemptAt,
      nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt : null,
      createdAt: row.createdAt,
    }
  }
}
