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
