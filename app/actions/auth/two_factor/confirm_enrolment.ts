import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import { clock } from '#services/clock'
import { useTotpCode } from '#services/auth/two_factor/totp_codes'
import { replaceRecoveryCodes } from '#services/auth/two_factor/recovery_codes'
import { auditAccount } from '#services/auth/account_audit'
import { wrongField } from '#actions/auth/two_factor/wrong_field'

/**
 * Turns two-factor on once the person proves their app has the secret (a
 * right code). Returns the ten recovery codes, which are shown only now.
 */
export default class ConfirmEnrolment {
  static async handle(user: User, code: string) {
    if (user.hasTwoFactor || !user.twoFactorSecret) {
      throw wrongField('code', 'refusals.fields.restartSetup')
    }
    const secret = user.twoFactorSecret
    return db.transaction(async (trx) => {
      if (!(await useTotpCode(user, secret, code, trx))) {
        throw wrongField('code', 'refusals.fields.codeWrong')
      }
      user.useTransaction(trx)
      user.twoFactorEnabledAt = clock.dateTime()
      await user.save()
      const codes = await replaceRecoveryCodes(user.id, trx)
      await auditAccount(
        { userId: user.id, actorId: user.id, action: 'auth.two_factor_enabled' },
        trx
      )
      return codes
    })
  }
}
