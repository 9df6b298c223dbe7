import db from '@adonisjs/lucid/services/db'
import type Membership from '#models/membership'
import { audit } from '#services/audit'
import { endSessionsOf } from '#services/auth/sessions/user_sessions'

/**
 * Removes someone from the organization; their API tokens for it go too, and
 * they are signed out everywhere (sessions are not per organization).
 */
export default class RemoveMember {
  static async handle(actor: Membership, target: Membership) {
    await db.transaction(async (trx) => {
      await trx.from('api_tokens').where('tokenable_id', target.id).delete()
      target.useTransaction(trx)
      await target.delete()
      await audit(
        {
          organizationId: target.organizationId,
          userId: actor.userId,
          action: 'member.removed',
          subject: { type: 'membership', id: target.id },
          details: { userId: target.userId, role: target.role },
        },
        trx
      )
    })
    await endSessionsOf(target.userId)
  }
}
