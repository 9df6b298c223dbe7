import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'
import { type RefusalWording, inEnglish, wordIn } from '#exceptions/refusal_wording'

export type { RefusalWording } from '#exceptions/refusal_wording'

export type TextingRefusal =
  | 'unknown_contact'
  | 'outside_texting_hours'
  | 'opted_out'
  | 'contact_erased'
  | 'already_texted'
  | 'not_assigned'
  | 'campaign_not_active'
  | 'edit_not_allowed'
  | 'nothing_to_send_from'
  | 'follow_up_not_wanted'
  | 'follow_up_not_due'

/**
 * The send screen asked for something the texter cannot do now. The screen
 * (JSON) gets the standard error shape plus `resumeAt` when waiting helps;
 * a page form goes back with the reason flashed. Both read the reason in the
 * request's language, which is always English for the REST API; `message`
 * is the English wording, for logs.
 */
export default class TextingRefusedException extends Exception {
  static status = 422

  readonly resumeAt: Date | null

  constructor(
    readonly wording: RefusalWording,
    readonly refusal: TextingRefusal,
    options: { status?: number; resumeAt?: Date | null } = {}
  ) {
    super(inEnglish(wording), {
      status: options.status ?? 422,
      code: 'E_TEXTING_REFUSED',
    })
    this.resumeAt = options.resumeAt ?? null
  }

  async handle(error: this, ctx: HttpContext) {
    const message = ctx.i18n ? wordIn(error.wording, ctx.i18n) : error.message
    if (wantsJson(ctx)) {
      return ctx.response.status(error.status).send({
        errors: [{ message, rule: error.refusal }],
        resumeAt: error.resumeAt?.toISOString() ?? null,
      })
    }
    ctx.session.flash('error', message)
    return ctx.response.redirect().back()
  }
}

/** A script's request (fetch with `Accept: application/json`), not an Inertia visit. */
export function wantsJson(ctx: HttpContext) {
  return !ctx.request.header('x-inertia') && ctx.request.accepts(['html', 'json']) === 'json'
}
