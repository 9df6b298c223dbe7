import { sessionsOf } from '#services/auth/sessions/user_sessions'
import { deviceName } from '#services/auth/sessions/device'
import { sessionHandle } from '#services/auth/sessions/session_handles'

/** A person's signed-in browsers for the sessions page, the one asking marked `current`. */
export default class ListSessions {
  static async handle(userId: number, currentSessionId: string) {
    const sessions = await sessionsOf(userId)
    return sessions.map((record) => ({
      handle: sessionHandle(record.id),
      device: deviceName(record.userAgent),
      ipAddress: record.ipAddress,
      lastSeenAt: record.lastSeenAt.toISOString(),
      current: record.id === currentSessionId,
    }))
  }
}
