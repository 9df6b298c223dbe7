import type User from '#models/user'

type Params = {
  fullName: string
  /** "en", "es", null to follow the browser; absent leaves the choice as it is. */
  locale?: string | null
}

/**
 * Saves the signed-in person's name and the language they read Porchlight in.
 * Returns whether the language changed, so the page can switch at once.
 */
export default class UpdateProfile {
  static async handle(user: User, { fullName, locale }: Params) {
    user.fullName = fullName
    const languageChanged = locale !== undefined && locale !== user.locale
    if (locale !== undefined) user.locale = locale
    await user.save()
    return { languageChanged }
  }
}
