import { errors as httpErrors } from '@adonisjs/core/http'
import { endSession, sessionsOf } from '#services/auth/sessions/user_sessions'
import { sessionHandle } from '#services/auth/sessions/session_handles'
import { auditAccount } from '#services/auth/account_audit'

/**
 * Signs one of the person's own browsers out (found by its handle among
 * their sessions: anyone else's is a 404). Not the one asking: that is "Sign out".
 */
export default class RevokeSession {
  static async handle(userId: number, handle: string, currentSessionId: string) {
    const sessions = await sessionsOf(userId)
    const target = sessions.find(
      (record) => sessionHandle(record.id) === handle && record.id !== currentSessionId
    )
    if (!target) throw new httpErrors.E_ROUTE_NOT_FOUND(['DELETE', handle])
    await endSession(userId, target.id)
    await auditAccount({
      userId,
      actorId: userId,
      action: 'auth.session_revoked',
      details: { ip: target.ipAddress, userAgent: target.userAgent },
    })
  }
}
