import type { HttpContext } from '@adonisjs/core/http'
import SetEmailPreferences from '#actions/notifications/set_email_preferences'
import { notificationPreferencesValidator } from '#validators/notification'

export default class EmailPreferencesController {
  async update({ request, response, auth, session, i18n }: HttpContext) {
    const choices = await request.validateUsing(notificationPreferencesValidator)
    await SetEmailPreferences.handle({ user: auth.use('web').getUserOrFail(), choices })
    session.flash('success', i18n.t('notifications.preferences.saved'))
    return response.redirect().back()
  }
}
