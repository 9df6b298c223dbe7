import { DateTime } from 'luxon'
import { randomBytes } from 'node:crypto'
import User from '#models/user'
import PasswordReset from '#models/password_reset'
import { appUrl } from '#config/app'
import { sendLinkMail } from '#services/mailer'
import { hashResetToken } from '#services/auth/reset_tokens'

const RESET_LINK_HOURS = 2

/**
 * Emails a one-time reset link. Answers the same whether or not the address
 * has an account, so the form cannot be used to find out who is registered.
 */
export default class RequestPasswordReset {
  static async handle(email: string) {
    const user = await User.findBy('email', email)
    if (!user) return

    const token = randomBytes(32).toString('base64url')
    await PasswordReset.create({
      userId: user.id,
      tokenHash: hashResetToken(token),
      expiresAt: DateTime.now().plus({ hours: RESET_LINK_HOURS }),
      usedAt: null,
    })
    await sendLinkMail({
      to: user.email,
      subject: 'Reset your Porchlight password',
      intro: `Someone asked to reset the password for ${user.email}. The link works once, for ${RESET_LINK_HOURS} hours.`,
      linkLabel: 'Choose a new password',
      url: `${appUrl}/reset-password/${token}`,
    })
  }
}
