import i18nManager from '@adonisjs/i18n/services/main'
import type { I18n } from '@adonisjs/i18n'

/** What a service needs to word its messages: the request's `ctx.i18n`, or English. */
export type Translator = Pick<I18n, 't'>

/** The wording for callers without a person's language (the API, jobs, the command line). */
export function english(): Translator {
  return i18nManager.locale('en')
}

export type Translate = Translator['t']

/** The `t` of `i18n` (English when not given), detached so it can be handed to helpers. */
export function translate(i18n?: Translator): Translate {
  const chosen = i18n ?? english()
  return (key, data) => chosen.t(key, data)
}
