import ProviderAccount from '#models/provider_account'
import SenderNumber from '#models/sender_number'
import Message from '#models/message'
import sms from '#services/sms'

/**
 * The Providers page: the organization's accounts with their numbers and
 * plugin names, and the texts parked for review after an interrupted send.
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
        account,
        numbers: numbers.filter((number) => number.providerAccountId === account.id),
        providerName: names[account.provider] ?? account.provider,
      })),
      review,
    }
  }
}
