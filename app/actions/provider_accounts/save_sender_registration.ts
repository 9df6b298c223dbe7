import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import SenderNumber from '#models/sender_number'
import type ProviderAccount from '#models/provider_account'
import type Membership from '#models/membership'
import type { senderRegistrationValidator } from '#validators/provider_account'
import { audit } from '#services/audit'

type Params = {
  actor: Membership
  account: ProviderAccount
  data: Infer<typeof senderRegistrationValidator>
}

/**
 * Records which of an account's numbers (and whether its messaging service /
 * profile) are registered with The Campaign Registry: the numbers listed
 * are, the account's other numbers are not. Launch checks rely on it when
 * the organization requires registered senders.
 */
export default class SaveSenderRegistration {
  static async handle({ actor, account, data }: Params) {
    const registered = data.registered ?? []
    await db.transaction(async (trx) => {
      const numbers = SenderNumber.query({ client: trx }).where('provider_account_id', account.id)
      await numbers.clone().update({ registered: false })
      if (registered.length) {
        await numbers.clone().whereIn('phone', registered).update({ registered: true })
      }
      account.useTransaction(trx)
      account.poolRegistered = data.poolRegistered ?? false
      await account.save()
      await audit(
        {
          organizationId: actor.organizationId,
          userId: actor.userId,
          action: 'provider_account.registration_updated',
          subject: { type: 'provider_account', id: account.id },
          details: { registered, poolRegistered: account.poolRegistered },
        },
        trx
      )
    })
  }
}
