import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import app from '@adonisjs/core/services/app'
import { frameGuardFactory, hstsFactory, noSniffFactory } from '@adonisjs/shield/guards'
import type { ShieldConfig } from '@adonisjs/shield/types'

/**
 * The shield's response headers for the API (frame guard, HSTS, no-sniff),
 * without its CSRF guard: that guard keeps a secret in the session and sets
 * an XSRF-TOKEN cookie, and the API is stateless. Another site cannot forge
 * a bearer token the way it can ride on a cookie, so the guard has nothing
 * to protect here. (A CSP says nothing to a JSON answer.)
 */
export default class ApiShieldMiddleware {
  #guards = ((config: Partial<ShieldConfig>) => [
    frameGuardFactory(config.xFrame ?? { enabled: false }),
    hstsFactory(config.hsts ?? { enabled: false }),
    noSniffFactory(config.contentTypeSniffing ?? { enabled: false }),
  ])(app.config.get<Partial<ShieldConfig>>('shield', {}))

  async handle(ctx: HttpContext, next: NextFn) {
    for (const guard of this.#guards) guard(ctx)
    return next()
  }
}
