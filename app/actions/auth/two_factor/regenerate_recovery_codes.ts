import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import { replaceRecoveryCodes } from '#services/auth/two_factor/recovery_codes'
import { auditAccount } from '#services/auth/account_audit'
import { wrongField } from '#actions/auth/two_factor/wrong_field'

/** Ten new recovery codes; the old ones stop working. Returns them (shown once). */
export default class RegenerateRecoveryCodes {
  static async handle(user: User) {
    if (!user.hasTwoFactor) throw wrongField('code', 'Two-factor sign-in is not on.')
    return db.transaction(async (trx) => {
      const codes = await replaceRecoveryCodes(user.id, trx)
      await auditAccount(
        { userId: user.id, actorId: user.id, action: 'auth.recovery_codes_regenerated' },
        trx
      )
      return codes
    })
  }
}
