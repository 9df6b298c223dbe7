import { redisKey } from '#services/db/redis_keys'
import type { Redis } from 'ioredis'
import type { SessionData } from '@adonisjs/session/types'
import {
  signedInUser,
  TOUCH_EVERY_MS,
  type ServerSessionStoreContract,
  type ServerSessionStoreOptions,
  type SessionRecord,
} from '#services/auth/sessions/types'

const sessionKey = (id: string) => redisKey(`session:${id}`)
const userKey = (userId: string | number) => redisKey(`user-sessions:${userId}`)

/**
 * Sessions in Redis (the store when REDIS_HOST is set): one hash per session
 * that expires on its own, and one set per user of their session ids, which
 * is tidied whenever it is read.
 */
export class RedisSessionStore implements ServerSessionStoreContract {
  #redis: Redis
  #options: ServerSessionStoreOptions
  /** Sessions this request read: a write only updates them, never brings one back. */
  #found = new Set<string>()
  /** Sessions this request read that were seen within the last minute: touching them is skipped. */
  #recent = new Set<string>()

  constructor(redis: Redis, options: ServerSessionStoreOptions) {
    this.#redis = redis
    this.#options = options
  }

  #now() {
    return this.#options.now?.() ?? new Date()
  }

  #clientFields() {
    const client = this.#options.client
    if (!client) return {}
    return { ipAddress: client.ipAddress ?? '', userAgent: client.userAgent?.slice(0, 255) ?? '' }
  }

  async read(sessionId: string): Promise<SessionData | null> {
    const [data, lastSeenAt] = await this.#redis.hmget(sessionKey(sessionId), 'data', 'lastSeenAt')
    if (!data) return null
    this.#found.add(sessionId)
    const seen = lastSeenAt ? Date.parse(lastSeenAt) : Number.NaN
    if (seen > this.#now().getTime() - TOUCH_EVERY_MS) this.#recent.add(sessionId)
    try {
      return JSON.parse(data)
    } catch {
      return null
    }
  }

  async write(sessionId: string, values: SessionData) {
    const key = sessionKey(sessionId)
    // Ended (signed out elsewhere, password reset) while this request ran: it stays ended.
    if (this.#found.has(sessionId) && !(await this.#redis.exists(key))) return
    const now = this.#now().toISOString()
    const owner = signedInUser(values, this.#options.userKey)
    const previous = await this.#redis.hget(key, 'userId')
    const transaction = this.#redis
      .multi()
      .hsetnx(key, 'createdAt', now)
      .hset(key, {
        data: JSON.stringify(values),
        userId: owner ?? '',
        lastSeenAt: now,
        ...this.#clientFields(),
      })
      .expire(key, this.#options.age)
    if (previous && previous !== String(owner ?? '')) transaction.srem(userKey(previous), sessionId)
    if (owner) transaction.sadd(userKey(owner), sessionId).expire(userKey(owner), this.#options.age)
    await transaction.exec()
  }

  async destroy(sessionId: string) {
    const key = sessionKey(sessionId)
    const owner = await this.#redis.hget(key, 'userId')
    const transaction = this.#redis.multi().del(key)
    if (owner) transaction.srem(userKey(owner), sessionId)
    await transaction.exec()
  }

  /** Keeps a session alive; a no-op when it was seen within the last minute. */
  async touch(sessionId: string) {
    if (this.#recent.has(sessionId)) return
    const key = sessionKey(sessionId)
    // Only a session that still exists is kept alive; a destroyed one stays gone.
    if (!(await this.#redis.expire(key, this.#options.age))) return
    await this.#redis.hset(key, { lastSeenAt: this.#now().toISOString(), ...this.#clientFields() })
  }

  async tag(sessionId: string, userId: string | number) {
    await this.#redis
      .multi()
      .hset(sessionKey(sessionId), 'userId', String(userId))
      .sadd(userKey(userId), sessionId)
      .exec()
  }

  async untag(sessionId: string, userId: string | number) {
    await this.#redis
      .multi()
      .hset(sessionKey(sessionId), 'userId', '')
      .srem(userKey(userId), sessionId)
      .exec()
  }

  async tagged(userId: string | number) {
    const records = await this.#hashes(userId)
    return records.flatMap(({ id, hash }) => {
      try {
        return [{ id, data: JSON.parse(hash.data) as SessionData }]
      } catch {
        return []
      }
    })
  }

  async list(userId: string | number): Promise<SessionRecord[]> {
    const records = await this.#hashes(userId)
    const ttls = await Promise.all(records.map(({ id }) => this.#redis.ttl(sessionKey(id))))
    return records
      .map(({ id, hash }, index) => ({
        id,
        userId: Number(hash.userId),
        ipAddress: hash.ipAddress || null,
        userAgent: hash.userAgent || null,
        createdAt: new Date(hash.createdAt),
        lastSeenAt: new Date(hash.lastSeenAt),
        expiresAt: new Date(this.#now().getTime() + Math.max(ttls[index], 0) * 1000),
      }))
      .sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime())
  }

  /** Redis expires sessions by itself. */
  async sweep() {
    return 0
  }

  /** The user's sessions that still exist and are still theirs; the others leave the set. */
  async #hashes(userId: string | number) {
    const ids = await this.#redis.smembers(userKey(userId))
    const hashes = await Promise.all(ids.map((id) => this.#redis.hgetall(sessionKey(id))))
    const stale = ids.filter((_, index) => hashes[index].userId !== String(userId))
    if (stale.length) await this.#redis.srem(userKey(userId), ...stale)
    return ids
      .map((id, index) => ({ id, hash: hashes[index] }))
      .filter(({ hash }) => hash.userId === String(userId))
  }
}
