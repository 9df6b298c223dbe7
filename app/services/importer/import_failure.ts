import type { Phrase } from '#exceptions/refusal_wording'

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
