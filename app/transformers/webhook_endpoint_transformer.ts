import type WebhookEndpoint from '#models/webhook_endpoint'
import { BaseTransformer } from '@adonisjs/core/transformers'

/** An endpoint as the API and pages show it: never its secret (only its creation answer has it). */
export default class WebhookEndpointTransformer extends BaseTransformer<WebhookEndpoint> {
  toObject() {
    const endpoint = this.resource
    return {
      id: endpoint.id,
      url: endpoint.url,
      events: endpoint.events,
      enabled: endpoint.enabled,
      disabledReason: endpoint.disabledReason,
      failingSince: endpoint.failingSince?.toUTC().toISO() ?? null,
      createdAt: endpoint.createdAt.toUTC().toISO(),
    }
  }
}
