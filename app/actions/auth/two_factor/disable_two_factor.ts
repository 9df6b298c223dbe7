import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import type User from '#models/user'
import { removeRecoveryCodes } from '#services/auth/two_factor/recovery_codes'
import { auditAccount } from '#services/auth/account_audit'
import { wrongField } from '#actions/auth/two_factor/wrong_field'

/**
 * Turns two-factor off (or abandons a set-up) after checking the password,
 * so a browser left signed in cannot quietly remove it.
 */
export default class DisableTwoFactor {
  static async handle(user: User, password: string) {
    if (!(await hash.verify(user.password, password))) {
      throw wrongField('password', 'The password is not right')
    }
    const wasOn = user.hasTwoFactor
    await db.transaction(async (trx) => {
      user.useTransaction(trx)
      user.twoFactorSecret = null
      user.twoFactorEnabledAt = null
      await user.save()
      await removeRecoveryCodes(user.id, trx)
      if (wasOn) {
        await auditAccount(
          { userId: user.id, actorId: user.id, action: 'auth.two_factor_disabled' },
          trx
        )
      }
    })
  }
}
