import type Membership from '#models/membership'
import type ProviderAccount from '#models/provider_account'
import { audit } from '#services/audit'
import { forgetAccount } from '#services/provider_accounts/clients'
import dispatcher from '#services/outbox/dispatcher'

type Params = { actor: Membership; account: ProviderAccount }

/**
 * An admin fixed what stopped the account (new credentials, a registered
 * sender) and turns it back on; its queued texts go out again.
 */
export default class EnableProviderAccount {
  static async handle({ actor, account }: Params) {
    const reason = account.statusReason
    account.merge({ status: 'active', statusReason: null })
    await account.save()
    forgetAccount(account.id)
    await audit({
      organizationId: account.organizationId,
      userId: actor.userId,
      action: 'provider_account.enabled',
      subject: { type: 'provider_account', id: account.id },
      details: { previousReason: reason },
    })
    dispatcher.wake()
    return account
  }
}
