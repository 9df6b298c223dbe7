import type { NextFn } from '@adonisjs/core/types/http'
import type { HttpContext } from '@adonisjs/core/http'

/**
 * A notice flashed by a form ("Done for now: 1 contact went back") is for the
 * page the browser is sent to next. A background request of the page left
 * behind (the send screen's next cards, a live count) can reach the server
 * between the redirect and that page and would use the notice up: such
 * requests hand it on instead. Page visits (Inertia or plain HTML) read it.
 */
export default class FlashForPagesMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    await next()
    if (!isPageVisit(ctx) && !ctx.session.flashMessages.isEmpty) ctx.session.reflash()
  }
}

function isPageVisit({ request }: HttpContext) {
  return (
    Boolean(request.header('x-inertia')) || (request.header('accept') ?? '').includes('text/html')
  )
}
