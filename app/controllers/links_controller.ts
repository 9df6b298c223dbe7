import type { HttpContext } from '@adonisjs/core/http'
import FollowLink from '#actions/links/follow_link'
import { REDIRECT_HEADERS, SHORT_LINK_HEADERS } from '#services/links/short_link_listener'

export default class LinksController {
  /**
   * GET (and HEAD) /l/:code: 302 to the link's target; an unknown code is the 404 page.
   * The server answers known codes ahead of the pipeline the same way (short_link_listener).
   */
  async show({ params, request, response, inertia }: HttpContext) {
    const target = await FollowLink.handle({
      code: String(params.code),
      method: request.method(),
      userAgent: request.header('user-agent'),
    })
    const headers = target ? REDIRECT_HEADERS : SHORT_LINK_HEADERS
    for (const [name, value] of Object.entries(headers)) response.header(name, value)
    if (!target) return response.status(404).send(await inertia.render('errors/not_found', {}))
    return response.redirect().status(302).toPath(target)
  }
}
