import type ProviderAccount from '#models/provider_account'
import type SenderNumber from '#models/sender_number'
import { webhookUrls } from '#sms/webhook_urls'

/**
 * How a provider account is shown, on pages and in the API: never its
 * credentials, only which of them are set.
 */
export function presentProviderAccount(account: ProviderAccount, numbers: SenderNumber[]) {
  return {
    id: account.id,
    provider: account.provider,
    name: account.name,
    status: account.status,
    statusReason: account.statusReason,
    numbers: numbers.map((number) => number.phone),
    webhookUrls: webhookUrls(account.provider, account.id),
    settings: Object.fromEntries(
      Object.entries(account.settings ?? {}).map(([key, value]) => [key, String(value)])
    ),
    credentialsSet: Object.keys(account.credentials ?? {}),
    createdAt: account.createdAt.toUTC().toISO(),
  }
}
