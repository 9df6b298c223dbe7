import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import SetEmailPreferences from '#actions/notifications/set_email_preferences'
import type { NotificationKind } from '#services/notifications/kinds'
import { UNSUBSCRIBE_PURPOSE } from '#services/notifications/unsubscribe'

/**
 * The one-click unsubscribe link in every notification email (RFC 8058): GET
 * asks to confirm, POST turns that kind of email off — from the page's
 * button, or straight from a mail client's unsubscribe button. No sign-in:
 * the link's signature is the proof; a tampered link changes nothing.
 */
export default class EmailUnsubscribesController {
  async show(ctx: HttpContext) {
    return this.#render(ctx, false)
  }

  async store(ctx: HttpContext) {
    return this.#render(ctx, true)
  }

  async #render({ request, response, params, inertia, i18n }: HttpContext, unsubscribe: boolean) {
    const kind = params.kind as NotificationKind
    if (!request.hasValidSignature(UNSUBSCRIBE_PURPOSE)) {
      response.status(403)
      return inertia.render('notifications/unsubscribe', { kind, state: 'invalid', actionUrl: '' })
    }
    const user = await User.find(params.userId)
    // The page speaks the recipient's language, whatever the browser says.
    if (user?.locale) i18n.switchLocale(user.locale)
    if (user && unsubscribe) await SetEmailPreferences.handle({ user, choices: { [kind]: false } })
    return inertia.render('notifications/unsubscribe', {
      kind,
      state: unsubscribe ? 'done' : 'confirm',
      actionUrl: request.url(true),
    })
  }
}
