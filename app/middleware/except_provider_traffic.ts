import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

type MiddlewareClass = new (...args: any[]) => {
  handle(ctx: HttpContext, next: NextFn): unknown
}

/**
 * Runs a router-wide middleware for every request except provider webhooks.
 * A webhook is authenticated by its signature and carries no cookies, so a
 * session, a CSRF secret and an auth check would only cost time and write
 * a session (and Set-Cookie headers) for every text a provider reports.
 */
export function exceptWebhooks(load: () => Promise<{ default: MiddlewareClass }>) {
  return async () => {
    const { default: Middleware } = await load()
    class ExceptWebhooks {
      async handle(ctx: HttpContext, next: NextFn) {
        if (ctx.request.url().startsWith('/webhooks/')) return next()
        const middleware = await ctx.containerResolver.make(Middleware)
        return middleware.handle(ctx, next)
      }
    }
    return { default: ExceptWebhooks }
  }
}
