import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import { removeRecoveryCodes } from '#services/auth/two_factor/recovery_codes'
import { auditAccount } from '#services/auth/account_audit'

/**
 * Removes `user`'s secret and recovery codes (a set-up not finished, too).
 * Audited when it was on: by the account's owner (`actorId`), or by the
 * server's operator (null, with `byOperator`).
 */
export async function turnOffTwoFactor(user: User, actorId: number | null) {
  const wasOn = user.hasTwoFactor
  await db.transaction(async (trx) => {
    user.useTransaction(trx)
    user.twoFactorSecret = null
    user.twoFactorEnabledAt = null
    await user.save()
    await removeRecoveryCodes(user.id, trx)
    if (wasOn) {
      await auditAccount(
        {
          userId: user.id,
          actorId,
          action: 'auth.two_factor_disabled',
          details: actorId === null ? { byOperator: true } : undefined,
        },
        trx
      )
    }
  })
  return wasOn
}
