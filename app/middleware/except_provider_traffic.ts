import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

type MiddlewareClass = new (...args: any[]) => {
  handle(ctx: HttpContext, next: NextFn): unknown
}

/**
 * Traffic between Porchlight and SMS providers: their webhooks (signed) and
 * the fake carrier's provider API (bearer secret). No browser, no cookies.
 */
const PROVIDER_PREFIXES = ['/webhooks/', '/fake-carrier/']

/**
 * Runs a router-wide middleware for every request except provider traffic,
 * which is authenticated by signature or secret: a session, a CSRF secret
 * and a sign-in check would only cost time and write a session (and
 * Set-Cookie headers) for every text a provider reports.
 */
export function exceptProviderTraffic(load: () => Promise<{ default: MiddlewareClass }>) {
  return async () => {
    const { default: Middleware } = await load()
    /**
     * Made once and kept: these middleware hold only their configuration, and
     * making one per request is costly (the shield's factory imports edge.js
     * again on every call, a module resolution round trip per request).
     */
    let instance: Promise<InstanceType<MiddlewareClass>> | undefined
    class ExceptProviderTraffic {
      async handle(ctx: HttpContext, next: NextFn) {
        const url = ctx.request.url()
        if (PROVIDER_PREFIXES.some((prefix) => url.startsWith(prefix))) return next()
        instance ??= ctx.containerResolver.make(Middleware)
        const middleware = await instance
        return middleware.handle(ctx, next)
      }
    }
    return { default: ExceptProviderTraffic }
  }
}
