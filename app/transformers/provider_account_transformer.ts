import type ProviderAccount from '#models/provider_account'
import type SenderNumber from '#models/sender_number'
import { webhookUrls } from '#sms/webhook_urls'
import { BaseTransformer } from '@adonisjs/core/transformers'

/**
 * A provider account with its sender numbers: never its credentials, only
 * which of them are set. The API shows the `toSummary` part, the campaign
 * builder the `toChoice` one.
 */
export default class ProviderAccountTransformer extends BaseTransformer<ProviderAccount> {
  constructor(
    resource: ProviderAccount,
    private numbers: SenderNumber[]
  ) {
    super(resource)
  }

  toObject() {
    const account = this.resource
    return {
      ...this.toSummary(),
      settings: Object.fromEntries(
        Object.entries(account.settings ?? {}).map(([key, value]) => [key, String(value)])
      ),
      credentialsSet: Object.keys(account.credentials ?? {}),
      createdAt: account.createdAt.toUTC().toISO(),
    }
  }

  toChoice() {
    const account = this.resource
    return {
      id: account.id,
      name: account.name,
      provider: account.provider,
      status: account.status,
      numbers: this.numbers.map((number) => number.phone),
    }
  }

  toSummary() {
    const account = this.resource
    // Porchlight hands the registration URL to the provider itself: nothing to paste.
    const { inbound, status } = webhookUrls(account.provider, account.id)
    return {
      id: account.id,
      provider: account.provider,
      name: account.name,
      status: account.status,
      statusReason: account.statusReason,
      numbers: this.numbers.map((number) => number.phone),
      webhookUrls: { inbound, status },
    }
  }
}
