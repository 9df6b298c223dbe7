import type { I18n } from '@adonisjs/i18n'
import i18nManager from '@adonisjs/i18n/services/main'

/** The part of a request's i18n a wording reads: its messages and its locale. */
export type Reader = Pick<I18n, 't' | 'locale'>

/** Words a refusal in a language: a catalogue key, or a function of the reader's i18n. */
export type RefusalWording = string | ((i18n: Reader) => string)

/** The refusal in the reader's language. */
export function wordIn(wording: RefusalWording, i18n: Reader) {
  return typeof wording === 'string' ? i18n.t(wording) : wording(i18n)
}

/** The refusal in English: the exception's `message`, for logs and the REST API. */
export function inEnglish(wording: RefusalWording) {
  return wordIn(wording, i18nManager.locale('en'))
}

/**
 * A catalogue key and its values: wording carried as data (a file's row
 * problem, a token's parse error), said in each reader's language.
 */
export type Phrase = { key: string; values?: Record<string, string | number> }

/** A phrase as a refusal's wording. */
export function phrased(phrase: Phrase): RefusalWording {
  return (i18n) => i18n.t(phrase.key, phrase.values)
}
