import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { SessionData } from '@adonisjs/session/types'
import { sqlTime } from '#services/db/sql_time'
import {
  signedInUser,
  TOUCH_EVERY_MS,
  type ServerSessionStoreContract,
  type ServerSessionStoreOptions,
  type SessionRecord,
} from '#services/auth/sessions/types'

type Row = {
  id: string
  user_id: number | null
  data: string
  ip_address: string | null
  user_agent: string | null
  created_at: string | Date
  last_seen_at: string | Date
  expires_at: string | Date
}

/** Expired sessions are swept at most this often per process, by whichever request writes one. */
const SWEEP_EVERY_MS = 10 * 60_000
let lastSweep = 0

function asDate(value: string | Date) {
  return value instanceof Date ? value : new Date(value.replace(' ', 'T'))
}

/**
 * Sessions in the `sessions` table (the default store). One instance per
 * request, made by the session middleware with that request's client.
 */
export class DatabaseSessionStore implements ServerSessionStoreContract {
  #client: QueryClientContract
  #options: ServerSessionStoreOptions
  #table = 'sessions'
  /** Sessions this request read: a write only updates them, never brings one back. */
  #found = new Set<string>()
  /** Sessions this request read that were seen within the last minute: touching them is skipped. */
  #recent = new Set<string>()

  constructor(client: QueryClientContract, options: ServerSessionStoreOptions) {
    this.#client = client
    this.#options = options
  }

  #now() {
    return this.#options.now?.() ?? new Date()
  }

  #expiresAt(now: Date) {
    return sqlTime(new Date(now.getTime() + this.#options.age * 1000))
  }

  #clientColumns() {
    const client = this.#options.client
    if (!client) return {}
    return {
      ip_address: client.ipAddress?.slice(0, 45) ?? null,
      user_agent: client.userAgent?.slice(0, 255) ?? null,
    }
  }

  async read(sessionId: string): Promise<SessionData | null> {
    const now = this.#now()
    const row: (Row & { recent: number }) | null = await this.#client
      .from(this.#table)
      .select('data')
      .select(
        this.#client.raw('case when last_seen_at > ? then 1 else 0 end as recent', [
          sqlTime(new Date(now.getTime() - TOUCH_EVERY_MS)),
        ])
      )
      .where('id', sessionId)
      .where('expires_at', '>', sqlTime(now))
      .first()
    if (!row) return null
    this.#found.add(sessionId)
    if (Number(row.recent) === 1) this.#recent.add(sessionId)
    try {
      return JSON.parse(row.data)
    } catch {
      return null
    }
  }

  async write(sessionId: string, values: SessionData) {
    const now = this.#now()
    const changes = {
      user_id: signedInUser(values, this.#options.userKey),
      data: JSON.stringify(values),
      last_seen_at: sqlTime(now),
      expires_at: this.#expiresAt(now),
      ...this.#clientColumns(),
    }
    if (this.#found.has(sessionId)) {
      // Ended (signed out elsewhere, password reset) while this request ran: it stays ended.
      await this.#client.from(this.#table).where('id', sessionId).update(changes)
    } else {
      await this.#client
        .insertQuery()
        .table(this.#table)
        .insert({ id: sessionId, created_at: sqlTime(now), ...changes })
        .knexQuery.onConflict('id')
        .merge(Object.keys(changes))
    }
    if (now.getTime() - lastSweep > SWEEP_EVERY_MS) {
      lastSweep = now.getTime()
      await this.sweep()
    }
  }

  async destroy(sessionId: string) {
    await this.#client.from(this.#table).where('id', sessionId).delete()
  }

  /** Keeps a session alive; a no-op when it was seen within the last minute. */
  async touch(sessionId: string) {
    if (this.#recent.has(sessionId)) return
    const now = this.#now()
    await this.#client
      .from(this.#table)
      .where('id', sessionId)
      .where('last_seen_at', '<=', sqlTime(new Date(now.getTime() - TOUCH_EVERY_MS)))
      .update({
        last_seen_at: sqlTime(now),
        expires_at: this.#expiresAt(now),
        ...this.#clientColumns(),
      })
  }

  /** The owner comes from the session's own data on every write; tagging only sets it early. */
  async tag(sessionId: string, userId: string | number) {
    await this.#client
      .from(this.#table)
      .where('id', sessionId)
      .update({ user_id: Number(userId) })
  }

  async untag(sessionId: string) {
    await this.#client.from(this.#table).where('id', sessionId).update({ user_id: null })
  }

  async tagged(userId: string | number) {
    const rows: Row[] = await this.#live(userId).select('id', 'data')
    return rows.flatMap((row) => {
      try {
        return [{ id: row.id, data: JSON.parse(row.data) as SessionData }]
      } catch {
        return []
      }
    })
  }

  async list(userId: string | number): Promise<SessionRecord[]> {
    const rows: Row[] = await this.#live(userId).orderBy('last_seen_at', 'desc')
    return rows.map((row) => ({
      id: row.id,
      userId: row.user_id,
      ipAddress: row.ip_address,
      userAgent: row.user_agent,
      createdAt: asDate(row.created_at),
      lastSeenAt: asDate(row.last_seen_at),
      expiresAt: asDate(row.expires_at),
    }))
  }

  async sweep() {
    const deleted = await this.#client
      .from(this.#table)
      .where('expires_at', '<=', sqlTime(this.#now()))
      .delete()
    return Number(Array.isArray(deleted) ? deleted[0] : deleted) || 0
  }

  #live(userId: string | number) {
    return this.#client
      .from(this.#table)
      .where('user_id', Number(userId))
      .where('expires_at', '>', sqlTime(this.#now()))
  }
}
