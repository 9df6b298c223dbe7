import ProviderAccount from '#models/provider_account'
import SenderNumber from '#models/sender_number'
import Message from '#models/message'
import sms from '#services/sms'
import { REVIEW_CODES } from '#services/outbox/interrupted_sends'
import { presentProviderAccount } from '#actions/provider_accounts/present_provider_account'

/**
 * The Providers page: the organization's accounts (stopped ones say why)
 * and the texts parked for review after an interrupted send, each with what
 * the provider said about it.
 */
export default class GetProviderAccounts {
  static async handle(organizationId: number) {
    const accounts = await ProviderAccount.forOrganization(organizationId).orderBy('id')
    const numbers = await SenderNumber.forOrganization(organizationId).orderBy('id')
    const review = await Message.forOrganization(organizationId)
      .where('status', 'review')
      .orderBy('id')
      .limit(200)
    const manifests = await sms.plugins()
    const names = Object.fromEntries(
      manifests.map((manifest) => [manifest.id, manifest.displayName])
    )

    return {
      accounts: accounts.map((account) => ({
        ...presentProviderAccount(
          account,
          numbers.filter((number) => number.providerAccountId === account.id)
        ),
        providerName: names[account.provider] ?? account.provider,
      })),
      review: review.map((message) => ({
        id: message.id,
        to: message.to,
        from: message.from,
        body: message.body,
        claimedAt: message.claimedAt?.toUTC().toISO() ?? null,
        accountId: message.providerAccountId,
        // Only a provider that answered "no such text" makes sending again safe.
        safeToResend: message.errorCode === REVIEW_CODES.not_sent,
        note: message.errorMessage,
      })),
    }
  }
}
