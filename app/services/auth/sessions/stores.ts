import { configProvider } from '@adonisjs/core'
import string from '@adonisjs/core/helpers/string'
import type { HttpContext } from '@adonisjs/core/http'
import type { SessionConfig, SessionStoreFactory } from '@adonisjs/session/types'
import { DatabaseSessionStore } from '#services/auth/sessions/database_store'
import { RedisSessionStore } from '#services/auth/sessions/redis_store'
import { redisConnection } from '#services/db/redis_connection'
import type { SessionClient } from '#services/auth/sessions/types'

type Options = { userKey: string }

/** The request's client; none when a store is made outside a request. */
function clientOf(ctx: HttpContext | null): SessionClient | undefined {
  if (!ctx) return undefined
  return { ipAddress: ctx.request.ip(), userAgent: ctx.request.header('user-agent') ?? null }
}

function storeOptions(ctx: HttpContext | null, config: SessionConfig, options: Options) {
  return { age: string.seconds.parse(config.age), userKey: options.userKey, client: clientOf(ctx) }
}

/**
 * The server-side session stores, for config/session.ts.
 */
export const serverSessionStores = {
  database(options: Options) {
    return configProvider.create<SessionStoreFactory>(async (app) => {
      const db = await app.container.make('lucid.db')
      return (ctx, config) =>
        new DatabaseSessionStore(db.connection(), storeOptions(ctx, config, options))
    })
  },
  redis(options: Options) {
    return configProvider.create<SessionStoreFactory>(async () => {
      return (ctx, config) =>
        new RedisSessionStore(redisConnection(), storeOptions(ctx, config, options))
    })
  },
}
