/**
 * Why a whole import cannot go ahead, worded for the organizer who uploaded
 * the file (it is shown as is). Raised before anything is written.
 */
export default class ImportFailure extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImportFailure'
  }
}
