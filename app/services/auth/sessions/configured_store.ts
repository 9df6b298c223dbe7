import app from '@adonisjs/core/services/app'
import { configProvider } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { ResolvedSessionConfig, SessionStoreContract } from '@adonisjs/session/types'

/** The session configuration the session middleware uses (config/session.ts resolves it once). */
export async function sessionConfig() {
  const config = await configProvider.resolve<ResolvedSessionConfig>(app, app.config.get('session'))
  return config!
}

/** The configured session store, outside any request. */
export async function configuredStore(): Promise<SessionStoreContract> {
  const config = await sessionConfig()
  return config.stores[config.store](null as unknown as HttpContext, config)
}

/** Whether a session still exists (has not ended or expired). */
export async function sessionIsLive(sessionId: string) {
  const store = await configuredStore()
  return (await store.read(sessionId)) !== null
}
