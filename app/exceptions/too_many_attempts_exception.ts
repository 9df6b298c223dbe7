import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'
import { inEnglish, wordIn, type RefusalWording } from '#exceptions/refusal_wording'

/**
 * Sign-ins or reset requests were refused for a while. A form goes back with
 * the wait flashed; a client asking for JSON gets 429 in the API's error
 * shape. Both get Retry-After in seconds, and the wait in the reader's language.
 */
export default class TooManyAttemptsException extends Exception {
  static status = 429
  static code = 'E_TOO_MANY_ATTEMPTS'

  readonly wording: RefusalWording

  constructor(
    what: 'signIns' | 'resets',
    readonly retryAfter: number
  ) {
    const minutes = Math.max(1, Math.ceil(retryAfter / 60))
    const wording: RefusalWording = (i18n) =>
      what === 'signIns'
        ? i18n.t('flash.auth.tooManySignIns', { minutes })
        : i18n.t('flash.auth.tooManyResets', { minutes })
    super(inEnglish(wording))
    this.wording = wording
  }

  async handle(error: this, ctx: HttpContext) {
    ctx.response.header('Retry-After', String(error.retryAfter))
    const message = ctx.i18n ? wordIn(error.wording, ctx.i18n) : error.message
    const wantsJson =
      !ctx.request.header('x-inertia') && ctx.request.accepts(['html', 'json']) === 'json'
    if (wantsJson) {
      return ctx.response.status(error.status).send({ errors: [{ message }] })
    }
    ctx.session.flash('error', message)
    return ctx.response.redirect().back()
  }
}
