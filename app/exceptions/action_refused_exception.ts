import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'

/**
 * An action said no for a reason the person can act on ("this invite link has
 * expired"). Web forms go back with the reason flashed; the API answers it in
 * the standard error shape (see the exception handler).
 */
export default class ActionRefusedException extends Exception {
  static status = 409
  static code = 'E_ACTION_REFUSED'

  async handle(error: this, ctx: HttpContext) {
    ctx.session.flash('error', error.message)
    return ctx.response.redirect().back()
  }
}
