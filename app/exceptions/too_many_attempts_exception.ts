import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'

/**
 * Sign-ins or reset requests were refused for a while. A form goes back with
 * the wait flashed; a client asking for JSON gets 429 in the API's error
 * shape. Both get Retry-After in seconds.
 */
export default class TooManyAttemptsException extends Exception {
  static status = 429
  static code = 'E_TOO_MANY_ATTEMPTS'

  constructor(
    what: string,
    readonly retryAfter: number
  ) {
    const minutes = Math.max(1, Math.ceil(retryAfter / 60))
    super(`Too many ${what}. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`)
  }

  async handle(error: this, ctx: HttpContext) {
    ctx.response.header('Retry-After', String(error.retryAfter))
    const wantsJson =
      !ctx.request.header('x-inertia') && ctx.request.accepts(['html', 'json']) === 'json'
    if (wantsJson) {
      return ctx.response.status(error.status).send({ errors: [{ message: error.message }] })
    }
    ctx.session.flash('error', error.message)
    return ctx.response.redirect().back()
  }
}
