import db from '@adonisjs/lucid/services/db'
import type WebhookEndpoint from '#models/webhook_endpoint'
import type Membership from '#models/membership'
import ActionRefusedException from '#exceptions/action_refused_exception'
import { recordEvent, TEST_EVENT_TYPE } from '#services/outbound_webhooks/events'

/**
 * Queues a `webhook.test` event to this endpoint alone and answers the
 * event's webhook-id. A disabled endpoint gets nothing: enable it first.
 */
export default class SendTestEvent {
  static async handle({ actor, endpoint }: { actor: Membership; endpoint: WebhookEndpoint }) {
    if (!endpoint.enabled) {
      throw new ActionRefusedException('refusals.webhooks.endpointDisabled')
    }
    const webhookId = await db.transaction((trx) =>
      recordEvent(
        trx,
        {
          organizationId: endpoint.organizationId,
          type: TEST_EVENT_TYPE,
          data: { endpointId: endpoint.id, sentById: actor.userId },
        },
        endpoint.id
      )
    )
    return { webhookId, type: TEST_EVENT_TYPE }
  }
}
