import type { HttpContext } from '@adonisjs/core/http'
import { appUrl } from '#config/app'
import type { WebhookRequest } from '#sms/types'
import { E_INVALID_WEBHOOK_SIGNATURE } from '#sms/errors'
import { findAccountCached } from '#services/provider_accounts/clients'
import ReceiveWebhook from '#actions/webhooks/receive_webhook'
import ReceiveRegistrationWebhook from '#actions/tendlc/receive_registration_webhook'
import { recordWebhookHandled } from '#services/metrics/registry'

/**
 * The body exactly as the provider signed it, and its fields read from
 * those same bytes (the body parser's own reading turns empty strings into
 * nulls, which no signature covers).
 */
function bodyOf(rawBody: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(rawBody))
  }
  try {
    return JSON.parse(rawBody)
  } catch {
    return {}
  }
}

export default class WebhooksController {
  /**
   * POST /webhooks/:provider/:accountId/:kind? — inbound texts and status
   * reports, signed by the provider; with kind `registration`, 10DLC review
   * outcomes (404 for providers that send none). The signature is checked against the
   * public URL the provider called: APP_URL plus the path and query as they
   * reached us, so it holds behind a reverse proxy.
   */
  async store({ params, request, response }: HttpContext) {
    const account = await findAccountCached(Number(params.accountId) || 0)
    if (!account || account.provider !== params.provider) {
      return response.notFound({ errors: [{ message: 'Not found' }] })
    }

    const startedAt = performance.now()
    const rawBody = request.raw() ?? ''
    const webhook: WebhookRequest = {
      url: `${appUrl}${request.url(true)}`,
      method: request.method(),
      headers: request.headers(),
      rawBody,
      body: bodyOf(rawBody, request.header('content-type')),
    }
    try {
      if (params.kind === 'registration') {
        const handled = await ReceiveRegistrationWebhook.handle({ account, request: webhook })
        if (!handled) return response.notFound({ errors: [{ message: 'Not found' }] })
      } else {
        await ReceiveWebhook.handle({ account, request: webhook })
      }
    } catch (error) {
      if (!(error instanceof E_INVALID_WEBHOOK_SIGNATURE)) throw error
      return response.forbidden({ errors: [{ message: error.message }] })
    } finally {
      recordWebhookHandled(startedAt)
    }
    return response.noContent()
  }
}
