import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import type FollowLink from '#actions/links/follow_link'

/** Every answer on a short link: each hit must reach us to be counted, and none is for search engines. */
export const SHORT_LINK_HEADERS = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' }

/** A redirect's, besides where it leads: the target does not learn the short link. */
export const REDIRECT_HEADERS = { ...SHORT_LINK_HEADERS, 'Referrer-Policy': 'no-referrer' }

const PREFIX = '/l/'

/**
 * Wraps the application's request handler so a known short link is answered
 * before the framework's pipeline: a redirect needs none of its middleware,
 * and at hundreds of hits a second the pipeline's work and garbage are most of
 * a hit's cost (its collections pause every answer). Anything else, an unknown
 * code included (its 404 page), goes to the application as before, whose
 * route for /l/:code answers the same way (LinksController).
 */
export function answeringShortLinks(handle: RequestListener): RequestListener {
  // Loaded once the application has booted (the action needs its database).
  const followLink = import('#actions/links/follow_link').then((module) => module.default)
  return (request, response) => {
    const code = shortLinkCode(request)
    if (!code) return handle(request, response)
    redirect(followLink, code, request, response).then(
      (answered) => answered || handle(request, response),
      () => handle(request, response)
    )
  }
}

function shortLinkCode({ method, url }: IncomingMessage) {
  if ((method !== 'GET' && method !== 'HEAD') || !url?.startsWith(PREFIX)) return null
  const end = url.indexOf('?')
  return url.slice(PREFIX.length, end === -1 ? undefined : end)
}

async function redirect(
  followLink: Promise<typeof FollowLink>,
  code: string,
  request: IncomingMessage,
  response: ServerResponse
) {
  const action = await followLink
  const target = await action.handle({
    code,
    method: request.method!,
    userAgent: request.headers['user-agent'],
  })
  if (!target) return false
  response.writeHead(302, {
    ...REDIRECT_HEADERS,
    'Location': new URL(target).href,
    'Content-Length': 0,
  })
  response.end()
  return true
}
