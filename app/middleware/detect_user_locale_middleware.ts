import { I18n } from '@adonisjs/i18n'
import i18nManager from '@adonisjs/i18n/services/main'
import type { NextFn } from '@adonisjs/core/types/http'
import type { HttpContext } from '@adonisjs/core/http'

/**
 * Gives every request its own i18n object: the signed-in person's chosen
 * language, else the best supported match for the browser's Accept-Language.
 * The REST API always answers in English: scripts, and the people debugging
 * them, read its messages (docs/translation.md).
 */
export default class DetectUserLocaleMiddleware {
  protected getRequestLocale(ctx: HttpContext) {
    if (ctx.request.url().startsWith('/api/')) return i18nManager.defaultLocale
    const chosen = (ctx as Partial<HttpContext>).auth?.use('web').user?.locale
    if (chosen && i18nManager.supportedLocales().includes(chosen)) return chosen
    return i18nManager.getSupportedLocaleFor(ctx.request.languages())
  }

  async handle(ctx: HttpContext, next: NextFn) {
    ctx.i18n = i18nManager.locale(this.getRequestLocale(ctx) || i18nManager.defaultLocale)
    ctx.containerResolver.bindValue(I18n, ctx.i18n)
    if ('view' in ctx) {
      ctx.view.share({ i18n: ctx.i18n })
    }
    return next()
  }
}

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    i18n: I18n
  }
}
