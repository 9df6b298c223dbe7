import app from '@adonisjs/core/services/app'
import { configProvider } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type {
  ResolvedSessionConfig,
  SessionStoreContract,
  SessionStoreWithTaggingContract,
} from '@adonisjs/session/types'
import type { ServerSessionStoreContract, SessionRecord } from '#services/sessions/types'

/** The session configuration the session middleware uses (config/session.ts resolves it once). */
export async function sessionConfig() {
  const config = await configProvider.resolve<ResolvedSessionConfig>(app, app.config.get('session'))
  return config!
}

/** The configured session store, outside any request. */
async function store(): Promise<SessionStoreContract> {
  const config = await sessionConfig()
  return config.stores[config.store](null as unknown as HttpContext, config)
}

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
  return ended
}

/** Ends one session now, rather than when its request finishes. */
export async function endSession(sessionId: string) {
  const sessions = await store()
  await sessions.destroy(sessionId)
}

/** Whether a session still exists (has not ended or expired). */
export async function sessionIsLive(sessionId: string) {
  const sessions = await store()
  return (await sessions.read(sessionId)) !== null
}

/** The live sessions of `userId`, most recently seen first (for a "your sessions" page). */
export async function sessionsOf(userId: number): Promise<SessionRecord[]> {
  const sessions = await store()
  return 'list' in sessions ? (sessions as ServerSessionStoreContract).list(userId) : []
}
