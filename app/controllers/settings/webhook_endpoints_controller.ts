import type { HttpContext } from '@adonisjs/core/http'
import WebhookEndpoint from '#models/webhook_endpoint'
import SaveWebhookEndpoint from '#actions/webhook_endpoints/save_webhook_endpoint'
import DeleteWebhookEndpoint from '#actions/webhook_endpoints/delete_webhook_endpoint'
import SendTestEvent from '#actions/webhook_endpoints/send_test_event'
import ResendDelivery from '#actions/webhook_endpoints/resend_delivery'
import {
  createWebhookEndpointValidator,
  updateWebhookEndpointValidator,
} from '#validators/webhook_endpoint'
import { EVENT_TYPES } from '#services/outbound_webhooks/events'
import { deliveryLog } from '#services/outbound_webhooks/delivery_log'
import WebhookEndpointTransformer from '#transformers/webhook_endpoint_transformer'
import WebhookDeliveryTransformer from '#transformers/webhook_delivery_transformer'

/**
 * The Webhooks settings pages (admins): endpoints, each with its delivery
 * log, "Send a test event" and "Send again".
 */
export default class WebhookEndpointsController {
  async index({ inertia, membership, bouncer }: HttpContext) {
    await bouncer.with('WebhookEndpointPolicy').authorize('manage')
    const endpoints = await WebhookEndpoint.forOrganization(membership.organizationId).orderBy('id')
    return inertia.render('webhook_endpoints/index', {
      endpoints: endpoints.map((endpoint) => new WebhookEndpointTransformer(endpoint).toObject()),
      eventTypes: [...EVENT_TYPES],
    })
  }

  /**
   * Answers the new endpoint's page with its secret, rather than
   * redirecting: the secret is shown this once and never stored in a session.
   */
  async store({ request, inertia, membership, bouncer }: HttpContext) {
    await bouncer.with('WebhookEndpointPolicy').authorize('manage')
    const data = await request.validateUsing(createWebhookEndpointValidator)
    const endpoint = await SaveWebhookEndpoint.handle({ actor: membership, data })
    return inertia.render('webhook_endpoints/edit', {
      ...(await this.#page(endpoint, 1)),
      secret: endpoint.secret,
    })
  }

  async edit({ params, request, inertia, membership, bouncer }: HttpContext) {
    await bouncer.with('WebhookEndpointPolicy').authorize('manage')
    const endpoint = await this.#find(membership.organizationId, params.id)
    const page = Math.max(1, Number.parseInt(request.input('page', '1'), 10) || 1)
    return inertia.render('webhook_endpoints/edit', {
      ...(await this.#page(endpoint, page)),
      secret: null,
    })
  }

  async update({ params, request, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('WebhookEndpointPolicy').authorize('manage')
    const endpoint = await this.#find(membership.organizationId, params.id)
    const data = await request.validateUsing(updateWebhookEndpointValidator)
    await SaveWebhookEndpoint.handle({ actor: membership, data, endpoint })
    session.flash('success', i18n.t('flash.webhooks.saved'))
    return response.redirect().toRoute('webhook_endpoints.edit', { id: endpoint.id })
  }

  async destroy({ params, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('WebhookEndpointPolicy').authorize('manage')
    const endpoint = await this.#find(membership.organizationId, params.id)
    await DeleteWebhookEndpoint.handle({ actor: membership, endpoint })
    session.flash('success', i18n.t('flash.webhooks.removed'))
    return response.redirect().toRoute('webhook_endpoints.index')
  }

  async test({ params, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('WebhookEndpointPolicy').authorize('manage')
    const endpoint = await this.#find(membership.organizationId, params.id)
    const { webhookId } = await SendTestEvent.handle({ actor: membership, endpoint })
    session.flash('success', i18n.t('flash.webhooks.testQueued', { id: webhookId }))
    return response.redirect().toRoute('webhook_endpoints.edit', { id: endpoint.id })
  }

  async resend({ params, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('WebhookEndpointPolicy').authorize('manage')
    const endpoint = await this.#find(membership.organizationId, params.id)
    const id = await ResendDelivery.handle({ endpoint, deliveryId: params.deliveryId })
    if (id === null) return response.notFound()
    session.flash('success', i18n.t('flash.webhooks.resent'))
    return response.redirect().toRoute('webhook_endpoints.edit', { id: endpoint.id })
  }

  async #page(endpoint: WebhookEndpoint, page: number) {
    const log = await deliveryLog(endpoint.id, page)
    return {
      endpoint: new WebhookEndpointTransformer(endpoint).toObject(),
      eventTypes: [...EVENT_TYPES],
      deliveries: log.data.map((row) => new WebhookDeliveryTransformer(row).toObject()),
      meta: { total: log.total, page: log.page, perPage: log.perPage },
    }
  }

  #find(organizationId: number, id: unknown) {
    return WebhookEndpoint.findForOrganizationOrFail(organizationId, id)
  }
}
