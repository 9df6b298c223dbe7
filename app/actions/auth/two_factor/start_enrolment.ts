import type User from '#models/user'
import { newTotpSecret } from '#services/auth/two_factor/totp'

/**
 * Gives a user without two-factor a new secret to scan. It is not in use
 * until a code from it is confirmed (ConfirmEnrolment).
 */
export default class StartEnrolment {
  static async handle(user: User) {
    if (user.hasTwoFactor) return
    user.twoFactorSecret = newTotpSecret()
    user.twoFactorEnabledAt = null
    await user.save()
  }
}
