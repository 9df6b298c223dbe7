import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'
import { type RefusalWording, inEnglish, wordIn } from '#exceptions/refusal_wording'

/**
 * An action said no for a reason the person can act on ("this invite link has
 * expired"). Web forms go back with the reason flashed in the reader's
 * language; the API answers `message`, the English wording, in the standard
 * error shape (see the exception handler). The wording is a catalogue key
 * (`refusals.*`) or a function of the reader's i18n.
 */
export default class ActionRefusedException extends Exception {
  static status = 409
  static code = 'E_ACTION_REFUSED'

  constructor(
    readonly wording: RefusalWording,
    options: { status?: number; code?: string } = {}
  ) {
    super(inEnglish(wording), options)
  }

  async handle(error: this, ctx: HttpContext) {
    ctx.session.flash('error', ctx.i18n ? wordIn(error.wording, ctx.i18n) : error.message)
    return ctx.response.redirect().back()
  }
}
