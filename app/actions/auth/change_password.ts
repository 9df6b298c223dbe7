import hash from '@adonisjs/core/services/hash'
import type User from '#models/user'
import { endSessionsOf } from '#services/auth/sessions/user_sessions'
import { auditAccount } from '#services/auth/account_audit'
import { refusedField } from '#exceptions/worded_issues'

/**
 * Changes a signed-in user's password after checking the current one. Every
 * other session of theirs ends (a browser left signed in elsewhere, a stolen
 * cookie); `keepSessionId`, the one making the change, stays.
 */
export default class ChangePassword {
  static async handle(
    user: User,
    currentPassword: string,
    password: string,
    keepSessionId?: string
  ) {
    if (!(await hash.verify(user.password, currentPassword))) {
      throw refusedField(
        'currentPassword',
        'currentPassword',
        'refusals.fields.currentPasswordWrong'
      )
    }
    user.password = password
    await user.save()
    await auditAccount({ userId: user.id, actorId: user.id, action: 'auth.password_changed' })
    await endSessionsOf(user.id, { except: keepSessionId })
  }
}
