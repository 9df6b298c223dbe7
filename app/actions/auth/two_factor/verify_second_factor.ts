import User from '#models/user'
import { limitSecondFactor } from '#services/auth/attempt_limits'
import { useTotpCode } from '#services/auth/two_factor/totp_codes'
import { useRecoveryCode } from '#services/auth/two_factor/recovery_codes'
import { auditAccount } from '#services/auth/account_audit'

/**
 * The second step of a sign-in: an authenticator code (each works once), or
 * one of the recovery codes (used up by this). Counted by the sign-in limits; a wrong
 * code is audited. Returns the user when the code is right, null when not;
 * throws TooManyAttemptsException when refused.
 */
export default class VerifySecondFactor {
  static async handle(pending: { userId: number; email: string }, code: string, ip: string) {
    const user = await User.find(pending.userId)
    if (!user?.hasTwoFactor) return null
    const right = await limitSecondFactor(pending.email, ip, async () => {
      if (await useTotpCode(user, user.twoFactorSecret!, code)) return true
      return useRecoveryCode(user.id, code)
    })
    if (!right) {
      await auditAccount({
        userId: user.id,
        actorId: null,
        action: 'auth.two_factor_failed',
        details: { ip },
      })
      return null
    }
    return user
  }
}
