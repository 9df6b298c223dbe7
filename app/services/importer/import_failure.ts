import type { Phrase, Reader } from '#exceptions/refusal_wording'

/**
 * Why a whole import cannot go ahead, worded for the organizer who uploaded
 * the file. Raised before anything is written. `message` is English (it is
 * stored on the import); `phrase` says it in the reader's language.
 */
export default class ImportFailure extends Error {
  constructor(
    message: string,
    readonly phrase: Phrase
  ) {
    super(message)
    this.name = 'ImportFailure'
  }
}

const NOT_CSV = 'Save it as “CSV” (in Excel: File → Save As → CSV UTF-8) and upload that file.'

/**
 * The reasons an import fails for that carry no values, as stored on the
 * import (English), each with its `imports.failures.*` key: the import page
 * says a stored one again in its reader's language.
 */
export const FIXED_FAILURES = {
  empty: 'The file is empty.',
  headerOnly: 'The file has a header row but no contacts under it.',
  excel: `This is an Excel workbook, not a CSV file. ${NOT_CSV}`,
  pdf: 'This is a PDF, not a spreadsheet. Export your contacts as CSV and upload that file.',
  notText: `This file is not a text (CSV) file. ${NOT_CSV}`,
  unreadableText: `This file's text cannot be read. ${NOT_CSV}`,
  unexpected:
    'Something went wrong on our side while importing. The rows read before the problem were saved: resume the import to go on from there.',
  interrupted:
    'The import stopped before it finished (the server restarted). The rows read before that were saved: resume the import to go on from there.',
} as const

export type FixedFailure = keyof typeof FIXED_FAILURES

export function fixedFailure(name: FixedFailure) {
  return new ImportFailure(FIXED_FAILURES[name], { key: `imports.failures.${name}` })
}

/** A stored failure reason in the reader's language when it is a fixed one; as stored otherwise. */
export function failureReasonIn(reason: string | null, i18n: Reader) {
  if (!reason) return reason
  const name = (Object.keys(FIXED_FAILURES) as FixedFailure[]).find(
    (each) => FIXED_FAILURES[each] === reason
  )
  return name ? i18n.t(`imports.failures.${name}`) : reason
}
