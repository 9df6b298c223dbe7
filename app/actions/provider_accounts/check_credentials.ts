import type ProviderAccount from '#models/provider_account'
import ActionRefusedException from '#exceptions/action_refused_exception'
import { clientFor } from '#services/provider_accounts/clients'

/**
 * Asks the provider whether the stored credentials work, without sending a
 * text. Only plugins that declare `verifyCredentials` can.
 */
export default class CheckCredentials {
  static async handle(account: ProviderAccount) {
    const client = await clientFor(account)
    if (!client.verifyCredentials) {
      throw new ActionRefusedException('refusals.providers.cannotCheck')
    }
    try {
      await client.verifyCredentials()
    } catch (error) {
      const { message, code } = client.classifyError(error)
      throw new ActionRefusedException((i18n) =>
        i18n.t('refusals.providers.credentialsRefused', { message, code: String(code) })
      )
    }
  }
}
