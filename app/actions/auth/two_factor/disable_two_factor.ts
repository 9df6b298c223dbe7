import hash from '@adonisjs/core/services/hash'
import type User from '#models/user'
import { turnOffTwoFactor } from '#services/auth/two_factor/turn_off'
import { wrongField } from '#actions/auth/two_factor/wrong_field'

/**
 * Turns two-factor off (or abandons a set-up) after checking the password,
 * so a browser left signed in cannot quietly remove it.
 */
export default class DisableTwoFactor {
  static async handle(user: User, password: string) {
    if (!(await hash.verify(user.password, password))) {
      throw wrongField('password', 'refusals.fields.passwordWrong')
    }
    await turnOffTwoFactor(user, user.id)
  }
}
