import { appUrl } from '#config/app'

/**
 * Where a provider account's webhooks are received
 * (`POST /webhooks/:provider/:accountId/:kind`, where `:provider` is the
 * plugin id): the URLs shown on the account page to paste into the
 * provider's console, and handed to clients. `registration` receives 10DLC
 * review outcomes from providers that send them.
 */
export function webhookUrls(pluginId: string, accountId: number) {
  const base = `${appUrl}/webhooks/${pluginId}/${accountId}`
  return {
    inbound: `${base}/inbound`,
    status: `${base}/status`,
    registration: `${base}/registration`,
  }
}
