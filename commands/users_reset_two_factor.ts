import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import User from '#models/user'
import { turnOffTwoFactor } from '#services/auth/two_factor/turn_off'

/**
 * For someone locked out (phone lost, recovery codes gone): turns their
 * two-factor sign-in off, audited as done by the operator. They sign in
 * with their password and should turn it on again.
 */
export default class UsersResetTwoFactor extends BaseCommand {
  static commandName = 'users:reset-two-factor'
  static description = 'Turn off two-factor sign-in for a user who lost their authenticator'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'The user’s email', required: true })
  declare email: string

  async run() {
    const user = await User.findBy('email', this.email.trim().toLowerCase())
    if (!user) {
      this.logger.error(`No account has the email ${this.email}`)
      this.exitCode = 1
      return
    }
    const wasOn = await turnOffTwoFactor(user, null)
    this.logger.info(
      wasOn
        ? `Two-factor sign-in is off for ${user.email}`
        : `${user.email} did not have two-factor sign-in on`
    )
  }
}
