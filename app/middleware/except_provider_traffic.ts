import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

type MiddlewareClass = new (...args: any[]) => {
  handle(ctx: HttpContext, next: NextFn): unknown
}
type Loader = () => Promise<{ default: MiddlewareClass }>

/**
 * Traffic between Porchlight and SMS providers: their webhooks (signed) and
 * the fake carrier's provider API (bearer secret). No browser, no cookies.
 */
const PROVIDER_PREFIXES = ['/webhooks/', '/fake-carrier/']

/**
 * The REST API: every route authenticates by bearer token alone (the `api`
 * middleware), so it is stateless, with no session and no cookies.
 */
const API_PREFIXES = ['/api/']

/** Short links in texts: anyone may follow one, with nothing to sign in to. */
const LINK_PREFIXES = ['/l/']

/** The Prometheus scrape (bearer token): stateless too. */
const METRICS_PATHS = ['/metrics']

/**
 * Runs a router-wide middleware for every request except provider traffic,
 * which is authenticated by signature or secret: a session, a CSRF secret
 * and a sign-in check would only cost time and write a session (and
 * Set-Cookie headers) for every text a provider reports.
 */
export function exceptProviderTraffic(load: Loader) {
  return forRequests((url) => !startsWithAny(url, PROVIDER_PREFIXES), load)
}

/**
 * Runs a router-wide middleware for browser traffic only: neither the API
 * nor providers start a session, get a CSRF cookie or sign in by cookie.
 */
export function exceptStatelessTraffic(load: Loader) {
  return forRequests(
    (url) =>
      !startsWithAny(url, PROVIDER_PREFIXES) &&
      !startsWithAny(url, API_PREFIXES) &&
      !startsWithAny(url, LINK_PREFIXES) &&
      !METRICS_PATHS.includes(url),
    load
  )
}

/** Runs a router-wide middleware for API requests only. */
export function onlyApiTraffic(load: Loader) {
  return forRequests((url) => startsWithAny(url, API_PREFIXES), load)
}

function startsWithAny(url: string, prefixes: string[]) {
  return prefixes.some((prefix) => url.startsWith(prefix))
}

function forRequests(applies: (url: string) => boolean, load: Loader) {
  return async () => {
    const { default: Middleware } = await load()
    /**
     * Made once and kept: these middleware hold only their configuration, and
     * making one per request is costly (the shield's factory imports edge.js
     * again on every call, a module resolution round trip per request).
     */
    let instance: Promise<InstanceType<MiddlewareClass>> | undefined
    class ForRequests {
      async handle(ctx: HttpContext, next: NextFn) {
        if (!applies(ctx.request.url())) return next()
        instance ??= ctx.containerResolver.make(Middleware)
        const middleware = await instance
        return middleware.handle(ctx, next)
      }
    }
    return { default: ForRequests }
  }
}
