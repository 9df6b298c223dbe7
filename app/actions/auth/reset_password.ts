import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import ActionRefusedException from '#exceptions/action_refused_exception'
import User from '#models/user'
import PasswordReset from '#models/password_reset'
import { hashResetToken } from '#services/auth/reset_tokens'
import { endSessionsOf } from '#services/auth/sessions/user_sessions'
import { auditAccount } from '#services/auth/account_audit'

/**
 * Sets a new password from a reset link. The link is spent, every other
 * outstanding link for that user stops working too, and every session of
 * theirs ends.
 */
export default class ResetPassword {
  static async findUsable(token: string) {
    return PasswordReset.query()
      .where('token_hash', hashResetToken(token))
      .whereNull('used_at')
      .where('expires_at', '>', DateTime.now().toSQL({ includeOffset: false })!)
      .first()
  }

  static async handle(token: string, password: string) {
    const reset = await this.findUsable(token)
    if (!reset) throw this.#refusal()
    const changed = await db.transaction(async (trx) => {
      // Spending the link first settles a race: of two requests using it at
      // once, only the one that finds it still unused changes the password.
      const [spent] = await PasswordReset.query({ client: trx })
        .where('id', reset.id)
        .whereNull('used_at')
        .update({ used_at: DateTime.now().toSQL({ includeOffset: false }) })
      if (!spent) throw this.#refusal()

      const user = await User.findOrFail(reset.userId, { client: trx })
      user.password = password
      await user.save()
      await PasswordReset.query({ client: trx })
        .where('user_id', user.id)
        .whereNull('used_at')
        .update({ used_at: DateTime.now().toSQL({ includeOffset: false }) })
      await auditAccount({ userId: user.id, actorId: null, action: 'auth.password_reset' }, trx)
      return user
    })
    await endSessionsOf(changed.id)
    return changed
  }

  static #refusal() {
    return new ActionRefusedException('refusals.auth.resetLinkInvalid', {
      status: 400,
      code: 'E_RESET_LINK_INVALID',
    })
  }
}
