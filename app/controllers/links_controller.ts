import type { HttpContext } from '@adonisjs/core/http'
import FollowLink from '#actions/links/follow_link'

export default class LinksController {
  /** GET (and HEAD) /l/:code: 302 to the link's target; an unknown code is the 404 page. */
  async show({ params, request, response, inertia }: HttpContext) {
    const target = await FollowLink.handle({
      code: String(params.code),
      method: request.method(),
      userAgent: request.header('user-agent'),
    })
    // Every hit must reach us to be counted, and the short link is not for search engines.
    response.header('Cache-Control', 'no-store')
    response.header('X-Robots-Tag', 'noindex')
    if (!target) return response.status(404).send(await inertia.render('errors/not_found', {}))
    response.header('Referrer-Policy', 'no-referrer')
    return response.redirect().status(302).toPath(target)
  }
}
