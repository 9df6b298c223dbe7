import db from '@adonisjs/lucid/services/db'
import type WebhookEndpoint from '#models/webhook_endpoint'
import type Membership from '#models/membership'
import { audit } from '#services/audit'

/** Removes an endpoint and its delivery log; its undelivered events are not sent. */
export default class DeleteWebhookEndpoint {
  static async handle({ actor, endpoint }: { actor: Membership; endpoint: WebhookEndpoint }) {
    await db.transaction(async (trx) => {
      await trx.from('webhook_deliveries').where('endpoint_id', endpoint.id).delete()
      await endpoint.useTransaction(trx).delete()
      await audit(
        {
          organizationId: actor.organizationId,
          userId: actor.userId,
          action: 'webhook_endpoint.deleted',
          subject: { type: 'webhook_endpoint', id: endpoint.id },
          details: { url: endpoint.url },
        },
        trx
      )
    })
  }
}
