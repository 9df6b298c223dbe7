import type IntegrationAccount from '#models/integration_account'
import type { IntegrationClientContract } from '#integrations/contract'
import integrations from '#services/integrations/plugins'

/** What a plugin client needs to act for one integration account. */
export function clientFor(account: IntegrationAccount): Promise<IntegrationClientContract> {
  return integrations.client({
    pluginId: account.plugin,
    accountId: account.id,
    credentials: account.credentials,
    settings: account.settings,
  })
}
