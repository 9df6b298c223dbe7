import { endSessionsOf } from '#services/auth/sessions/user_sessions'
import { auditAccount } from '#services/auth/account_audit'

/** Signs out every browser of the person but the one asking. */
export default class SignOutOtherSessions {
  static async handle(userId: number, currentSessionId: string) {
    const ended = await endSessionsOf(userId, { except: currentSessionId })
    if (!ended.length) return
    await auditAccount({
      userId,
      actorId: userId,
      action: 'auth.session_revoked',
      details: { sessions: ended.length, everywhereElse: true },
    })
  }
}
