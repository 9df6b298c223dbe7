import type { HttpContext } from '@adonisjs/core/http'
import i18nManager from '@adonisjs/i18n/services/main'
import ChangePassword from '#actions/auth/change_password'
import UpdateProfile from '#actions/auth/update_profile'
import { changePasswordValidator, profileValidator } from '#validators/user'

export default class ProfileController {
  async edit({ inertia, auth }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    return inertia.render('account/profile', {
      twoFactorEnabled: user.hasTwoFactor,
      emails: {
        assignment: user.emailAssignments,
        digest: user.emailReplyDigests,
        escalation: user.emailEscalations,
      },
      /** The language picked, or null for the browser's. */
      chosenLocale: user.locale,
    })
  }

  async update({ request, response, auth, session, i18n }: HttpContext) {
    const data = await request.validateUsing(profileValidator)
    const user = auth.use('web').getUserOrFail()
    const { languageChanged } = await UpdateProfile.handle(user, data)
    if (languageChanged) {
      // Said in the language just picked: the next page is in it too.
      const next = user.locale ?? i18nManager.getSupportedLocaleFor(request.languages())
      session.flash('success', i18nManager.locale(next ?? 'en').t('flash.account.languageSaved'))
    } else {
      session.flash('success', i18n.t('flash.account.nameSaved'))
    }
    return response.redirect().back()
  }

  async updatePassword({ request, response, auth, session, i18n }: HttpContext) {
    const { currentPassword, password } = await request.validateUsing(changePasswordValidator)
    // The session stays signed in under a new id, so a copy of its old cookie stops working too.
    session.regenerate()
    await ChangePassword.handle(
      auth.use('web').getUserOrFail(),
      currentPassword,
      password,
      session.sessionId
    )
    session.flash('success', i18n.t('flash.account.passwordChanged'))
    return response.redirect().back()
  }
}
