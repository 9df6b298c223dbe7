import i18nManager from '@adonisjs/i18n/services/main'
import { errors as vineErrors } from '@vinejs/vine'
import type { Phrase, Reader } from '#exceptions/refusal_wording'

/**
 * A field problem as validation errors carry it: `message` in English (the
 * REST API, logs), and optionally a `phrase` that says it in the reader's
 * language on pages (the exception handler words it).
 */
export type WordedIssue = { field: string; rule: string; message: string; phrase?: Phrase }

/** The issues in the reader's language, without their phrases. */
export function wordIssues<T extends { message: string; phrase?: Phrase }>(
  issues: T[],
  i18n: Reader
): Omit<T, 'phrase'>[] {
  return issues.map(({ phrase, ...issue }) =>
    phrase ? { ...issue, message: i18n.t(phrase.key, phrase.values) } : issue
  )
}

/**
 * Fields an action refuses, worded by the catalogue: `message` in English
 * for the API and logs, and the phrase that pages show in the reader's language.
 */
export function refusedFields(issues: WordedIssue[]) {
  return new vineErrors.E_VALIDATION_ERROR(issues)
}

/** A field problem worded by the catalogue, its `message` the English wording. */
export function wordedIssue(
  field: string,
  rule: string,
  key: string,
  values?: Phrase['values']
): WordedIssue {
  const phrase = values ? { key, values } : { key }
  return { field, rule, message: i18nManager.locale('en').t(key, values), phrase }
}

/** One field refused by an action, as `refusedFields`. */
export function refusedField(field: string, rule: string, key: string, values?: Phrase['values']) {
  return refusedFields([wordedIssue(field, rule, key, values)])
}
