import type { HttpContext } from '@adonisjs/core/http'
import WebhookEndpoint from '#models/webhook_endpoint'
import SaveWebhookEndpoint from '#actions/webhook_endpoints/save_webhook_endpoint'
import DeleteWebhookEndpoint from '#actions/webhook_endpoints/delete_webhook_endpoint'
import SendTestEvent from '#actions/webhook_endpoints/send_test_event'
import {
  createWebhookEndpointValidator,
  updateWebhookEndpointValidator,
} from '#validators/webhook_endpoint'
import WebhookEndpointTransformer from '#transformers/webhook_endpoint_transformer'

const present = (endpoint: WebhookEndpoint) => new WebhookEndpointTransformer(endpoint).toObject()

export default class WebhookEndpointsController {
  async index({ membership, bouncer }: HttpContext) {
    await bouncer.with('WebhookEndpointPolicy').authorize('manage')
    const endpoints = await WebhookEndpoint.forOrganization(membership.organizationId).orderBy('id')
    const data = endpoints.map(present)
    return { data, meta: { total: data.length, page: 1, perPage: Math.max(data.length, 1) } }
  }

  /** The only answer that carries the secret. */
  async store({ request, response, membership, bouncer }: HttpContext) {
    await bouncer.with('WebhookEndpointPolicy').authorize('manage')
    const data = await request.validateUsing(createWebhookEndpointValidator)
    const endpoint = await SaveWebhookEndpoint.handle({ actor: membership, data })
    const { id, url, events, enabled } = present(endpoint)
    return response.created({ id, url, events, enabled, secret: endpoint.secret })
  }

  async show({ params, membership, bouncer }: HttpContext) {
    await bouncer.with('WebhookEndpointPolicy').authorize('manage')
    return present(await this.#find(membership.organizationId, params.id))
  }

  async update({ params, request, membership, bouncer }: HttpContext) {
    await bouncer.with('WebhookEndpointPolicy').authorize('manage')
    const endpoint = await this.#find(membership.organizationId, params.id)
    const data = await request.validateUsing(updateWebhookEndpointValidator)
    return present(await SaveWebhookEndpoint.handle({ actor: membership, data, endpoint }))
  }

  async destroy({ params, response, membership, bouncer }: HttpContext) {
    await bouncer.with('WebhookEndpointPolicy').authorize('manage')
    const endpoint = await this.#find(membership.organizationId, params.id)
    await DeleteWebhookEndpoint.handle({ actor: membership, endpoint })
    return response.noContent()
  }

  async test({ params, response, membership, bouncer }: HttpContext) {
    await bouncer.with('WebhookEndpointPolicy').authorize('manage')
    const endpoint = await this.#find(membership.organizationId, params.id)
    return response.accepted(await SendTestEvent.handle({ actor: membership, endpoint }))
  }

  #find(organizationId: number, id: unknown) {
    return WebhookEndpoint.findForOrganizationOrFail(organizationId, id)
  }
}
