import hash from '@adonisjs/core/services/hash'
import { errors as vineErrors } from '@vinejs/vine'
import type User from '#models/user'

/**
 * Changes a signed-in user's password after checking the current one.
 */
export default class ChangePassword {
  static async handle(user: User, currentPassword: string, password: string) {
    if (!(await hash.verify(user.password, currentPassword))) {
      throw new vineErrors.E_VALIDATION_ERROR([
        {
          field: 'currentPassword',
          message: 'The current password is not right',
          rule: 'currentPassword',
        },
      ])
    }
    user.password = password
    await user.save()
  }
}
