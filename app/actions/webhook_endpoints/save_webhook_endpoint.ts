import db from '@adonisjs/lucid/services/db'
import { errors as vineErrors } from '@vinejs/vine'
import type { Infer } from '@vinejs/vine/types'
import WebhookEndpoint from '#models/webhook_endpoint'
import type Membership from '#models/membership'
import type {
  createWebhookEndpointValidator,
  updateWebhookEndpointValidator,
} from '#validators/webhook_endpoint'
import { audit } from '#services/audit'
import { generateSecret } from '#services/outbound_webhooks/signing'
import { checkTargetUrl, RefusedTargetError } from '#services/outbound_webhooks/targets'

type Params =
  | { actor: Membership; data: Infer<typeof createWebhookEndpointValidator>; endpoint?: undefined }
  | {
      actor: Membership
      data: Infer<typeof updateWebhookEndpointValidator>
      endpoint: WebhookEndpoint
    }

/**
 * Creates an endpoint (with a new secret, which the caller shows once) or
 * saves changes to one. A new URL must lead somewhere public (see
 * `checkTargetUrl`; deliveries check again); enabling an endpoint by hand clears why it stopped.
 */
export default class SaveWebhookEndpoint {
  static async handle({ actor, data, endpoint }: Params) {
    if (data.url !== undefined && data.url !== endpoint?.url) {
      await checkTargetUrl(data.url).catch((error) => {
        if (!(error instanceof RefusedTargetError)) throw error
        throw new vineErrors.E_VALIDATION_ERROR([
          { field: 'url', rule: 'publicUrl', message: error.message },
        ])
      })
    }
    return db.transaction(async (trx) => {
      const saved = endpoint ?? new WebhookEndpoint()
      if (!endpoint) {
        saved.merge({ organizationId: actor.organizationId, secret: generateSecret() })
      }
      if (data.url !== undefined) saved.url = data.url
      if (data.events !== undefined) saved.events = data.events
      if (data.enabled !== undefined || !endpoint) {
        const enabled = data.enabled ?? true
        if (enabled && !saved.enabled) {
          saved.merge({ disabledReason: null, failingSince: null })
        }
        saved.enabled = enabled
      }
      await saved.useTransaction(trx).save()
      await audit(
        {
          organizationId: actor.organizationId,
          userId: actor.userId,
          action: endpoint ? 'webhook_endpoint.updated' : 'webhook_endpoint.created',
          subject: { type: 'webhook_endpoint', id: saved.id },
          details: { url: saved.url, events: saved.events, enabled: saved.enabled },
        },
        trx
      )
      return saved
    })
  }
}
