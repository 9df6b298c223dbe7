import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'
import { wantsJson } from '#exceptions/texting_refused_exception'
import { type Reader, inEnglish, wordIn } from '#exceptions/refusal_wording'

/**
 * A heavy read (a segment or audience count, a contact search, an export's
 * rows) was stopped at the read time limit (`too_slow`, 422: narrowing the
 * filter is what helps), or waited that long for a free reader (`busy`,
 * 503: trying again later is what helps). The API and the pages' scripts
 * get the standard error shape with that rule; a page visit gets a page
 * with the message; a page form goes back with the message flashed. Pages
 * read it in their reader's language; the API in English.
 */
export default class SlowReadException extends Exception {
  static code = 'E_SLOW_READ'

  readonly wording: (i18n: Reader) => string

  constructor(
    readonly reason: 'too_slow' | 'busy',
    timeLimitMs: number
  ) {
    const seconds = Math.max(1, Math.round(timeLimitMs / 1000))
    const wording = (i18n: Reader) =>
      reason === 'too_slow'
        ? i18n.t('errors.slowRead.tooSlow', { seconds })
        : i18n.t('errors.slowRead.busy')
    super(inEnglish(wording), {
      status: reason === 'too_slow' ? 422 : 503,
      code: 'E_SLOW_READ',
    })
    this.wording = wording
  }

  async handle(error: this, ctx: HttpContext) {
    const api = ctx.request.url().startsWith('/api/')
    const message = api || !ctx.i18n ? error.message : wordIn(error.wording, ctx.i18n)
    if (api || fromScript(ctx)) {
      if (error.reason === 'busy') ctx.response.header('Retry-After', '5')
      return ctx.response.status(error.status).send({ errors: [{ message, rule: error.reason }] })
    }
    // A page visit gets a page saying so: going back to it would ask the same again.
    if (ctx.request.method() === 'GET') {
      const page = await ctx.inertia.render('errors/too_slow', { message })
      return ctx.response.status(error.status).send(page)
    }
    ctx.session.flash('error', message)
    return ctx.response.redirect().back()
  }
}

/**
 * A page's script asking for JSON: it says so in Accept, or it posts JSON
 * (the builders' live counts do, without an Accept header), and it is not
 * an Inertia visit.
 */
function fromScript(ctx: HttpContext) {
  return wantsJson(ctx) || (!ctx.request.header('x-inertia') && ctx.request.is(['json']) !== null)
}
