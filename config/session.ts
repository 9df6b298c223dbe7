import env from '#start/env'
import { configProvider } from '@adonisjs/core'
import { appUrl } from '#config/app'
import { defineConfig } from '@adonisjs/session'
import { serverSessionStores } from '#services/auth/sessions/stores'

/** Where the session guard keeps the signed-in user's id (guard "web", config/auth.ts). */
const userKey = 'auth_web'

/**
 * Sessions live on the server (the database, or Redis when REDIS_HOST is
 * set); the cookie carries only a session id, so ending a session on the
 * server ends it for every copy of the cookie. SESSION_DRIVER=memory is for
 * tests.
 */
const sessionConfig = defineConfig({
  enabled: true,
  cookieName: 'porchlight-session',
  clearWithBrowser: false,
  age: '12h',
  cookie: {
    path: '/',
    httpOnly: true,
    secure: appUrl.startsWith('https://'),
    sameSite: 'lax',
  },
  store: env.get('SESSION_DRIVER') ?? (env.get('REDIS_HOST') ? 'redis' : 'database'),
  stores: {
    database: serverSessionStores.database({ userKey }),
    redis: serverSessionStores.redis({ userKey }),
  },
})

/**
 * Resolved once and shared: the session middleware and the code that ends
 * sessions (app/services/sessions/user_sessions.ts) use one store.
 */
let resolved: ReturnType<typeof sessionConfig.resolver> | undefined
export default configProvider.create((app) => (resolved ??= sessionConfig.resolver(app)))
