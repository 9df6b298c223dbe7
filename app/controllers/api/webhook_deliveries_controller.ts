import type { HttpContext } from '@adonisjs/core/http'
import WebhookEndpoint from '#models/webhook_endpoint'
import ResendDelivery from '#actions/webhook_endpoints/resend_delivery'
import { deliveryLog } from '#services/outbound_webhooks/delivery_log'
import WebhookDeliveryTransformer from '#transformers/webhook_delivery_transformer'

export default class WebhookDeliveriesController {
  /** The endpoint's delivery log, newest first (`?page=`). */
  async index({ params, request, membership, bouncer }: HttpContext) {
    await bouncer.with('WebhookEndpointPolicy').authorize('manage')
    const endpoint = await WebhookEndpoint.findForOrganizationOrFail(
      membership.organizationId,
      params.id
    )
    const page = Math.max(1, Number.parseInt(request.input('page', '1'), 10) || 1)
    const log = await deliveryLog(endpoint.id, page)
    return {
      data: log.data.map((row) => new WebhookDeliveryTransformer(row).toObject()),
      meta: { total: log.total, page: log.page, perPage: log.perPage },
    }
  }

  /** "Send again": 202 with the new delivery's id; the event (and webhook-id) stay the same. */
  async resend({ params, response, membership, bouncer }: HttpContext) {
    await bouncer.with('WebhookEndpointPolicy').authorize('manage')
    const endpoint = await WebhookEndpoint.findForOrganizationOrFail(
      membership.organizationId,
      params.id
    )
    const id = await ResendDelivery.handle({ endpoint, deliveryId: params.deliveryId })
    if (id === null) return response.notFound({ errors: [{ message: 'Not found' }] })
    return response.accepted({ id })
  }
}
