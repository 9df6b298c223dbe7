import type ProviderAccount from '#models/provider_account'
import type { WebhookRequest } from '#sms/types'
import { E_INVALID_WEBHOOK_SIGNATURE } from '#sms/errors'
import { clientFor } from '#services/provider_accounts/clients'
import { applyRegistrationNotice } from '#services/registration/registrations'

type Params = { account: ProviderAccount; request: WebhookRequest }

/**
 * A provider's 10DLC review outcome, on the account's registration webhook
 * URL: verified exactly as its messaging webhooks are, then applied to the
 * brand or campaign it names at once (polling stays as the fallback).
 * Returns false when the account's provider sends no such webhooks.
 */
export default class ReceiveRegistrationWebhook {
  static async handle({ account, request }: Params) {
    const client = await clientFor(account)
    const parse = client.registration?.parseStatusWebhook?.bind(client.registration)
    if (!parse) return false
    if (!client.verifyWebhook(request)) throw new E_INVALID_WEBHOOK_SIGNATURE()
    for (const notice of parse(request)) {
      await applyRegistrationNotice(account, notice)
    }
    return true
  }
}
