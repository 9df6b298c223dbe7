import type { SessionStoreWithTaggingContract } from '@adonisjs/session/types'

/** One signed-in (or anonymous) session as a "your sessions" page shows it. */
export type SessionRecord = {
  id: string
  userId: number | null
  ipAddress: string | null
  userAgent: string | null
  createdAt: Date
  lastSeenAt: Date
  expiresAt: Date
}

/** A request refreshes its session's "last seen" at most this often (a write per minute, not per request). */
export const TOUCH_EVERY_MS = 60_000

/** Where a request came from, recorded on its session. */
export type SessionClient = { ipAddress: string | null; userAgent: string | null }

export type ServerSessionStoreOptions = {
  /** Seconds a session lives after its last request. */
  age: number
  /** The session key holding the signed-in user's id (the session guard writes it). */
  userKey: string
  /** The current request's client; absent outside a request. */
  client?: SessionClient
  /** The clock; tests move it. */
  now?: () => Date
}

/**
 * A session store that keeps sessions on the server, knows whose they are,
 * and can list them: the database store, and the Redis store when Redis is
 * configured.
 */
export interface ServerSessionStoreContract extends SessionStoreWithTaggingContract {
  /** The live sessions of `userId`, most recently seen first. */
  list(userId: number | string): Promise<SessionRecord[]>
  /** Deletes expired sessions; returns how many went. */
  sweep(): Promise<number>
}

/** The user a session's data says is signed in, if any. */
export function signedInUser(values: Record<string, unknown>, userKey: string) {
  const id = Number(values[userKey])
  return Number.isInteger(id) && id > 0 ? id : null
}
