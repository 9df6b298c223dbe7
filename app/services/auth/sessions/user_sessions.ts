import type { SessionStoreContract, SessionStoreWithTaggingContract } from '@adonisjs/session/types'
import type { ServerSessionStoreContract, SessionRecord } from '#services/auth/sessions/types'
import { configuredStore as store } from '#services/auth/sessions/configured_store'
import { accessChanged } from '#services/realtime/live_streams'

function taggable(candidate: SessionStoreContract): candidate is SessionStoreWithTaggingContract {
  return 'tagged' in candidate
}

/**
 * Ends every session of `userId` (but `except`, the one making the request
 * when it stays signed in): the next request with any of their cookies is
 * signed out. Returns the ids that ended.
 */
export async function endSessionsOf(userId: number, { except }: { except?: string } = {}) {
  const sessions = await store()
  if (!taggable(sessions)) return []
  const tagged = await sessions.tagged(String(userId))
  const ended = tagged.map((session) => session.id).filter((id) => id !== except)
  for (const id of ended) await sessions.destroy(id)
  await accessChanged(userId)
  return ended
}

/** Ends one session of `userId` now, rather than when its request finishes. */
export async function endSession(userId: number, sessionId: string) {
  const sessions = await store()
  await sessions.destroy(sessionId)
  await accessChanged(userId)
}

/** The live sessions of `userId`, most recently seen first (for a "your sessions" page). */
export async function sessionsOf(userId: number): Promise<SessionRecord[]> {
  const sessions = await store()
  return 'list' in sessions ? (sessions as ServerSessionStoreContract).list(userId) : []
}
