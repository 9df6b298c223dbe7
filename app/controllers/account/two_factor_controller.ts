import type { HttpContext } from '@adonisjs/core/http'
import StartEnrolment from '#actions/auth/two_factor/start_enrolment'
import ConfirmEnrolment from '#actions/auth/two_factor/confirm_enrolment'
import RegenerateRecoveryCodes from '#actions/auth/two_factor/regenerate_recovery_codes'
import DisableTwoFactor from '#actions/auth/two_factor/disable_two_factor'
import { disableTwoFactorValidator, twoFactorCodeValidator } from '#validators/two_factor'
import { enrolmentQr } from '#services/auth/two_factor/totp'
import { recoveryCodesLeft } from '#services/auth/two_factor/recovery_codes'

/** Flashed once after enabling or regenerating: the codes are never shown again. */
const CODES_KEY = 'recoveryCodes'

export default class TwoFactorController {
  async show({ inertia, auth, session }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const enrolling = !user.hasTwoFactor && user.twoFactorSecret
    return inertia.render('account/two_factor', {
      enabled: user.hasTwoFactor,
      enrolment: enrolling
        ? {
            secret: user.twoFactorSecret!,
            qr: await enrolmentQr(user.twoFactorSecret!, user.email),
          }
        : null,
      recoveryCodesLeft: user.hasTwoFactor ? await recoveryCodesLeft(user.id) : 0,
      newRecoveryCodes: (session.flashMessages.get(CODES_KEY) as string[] | undefined) ?? null,
    })
  }

  async store({ auth, response }: HttpContext) {
    await StartEnrolment.handle(auth.use('web').getUserOrFail())
    return response.redirect().toRoute('two_factor.show')
  }

  async confirm({ auth, request, response, session, i18n }: HttpContext) {
    const { code } = await request.validateUsing(twoFactorCodeValidator)
    const codes = await ConfirmEnrolment.handle(auth.use('web').getUserOrFail(), code)
    session.flash(CODES_KEY, codes)
    session.flash('success', i18n.t('flash.account.twoFactorOn'))
    return response.redirect().toRoute('two_factor.show')
  }

  async regenerate({ auth, response, session, i18n }: HttpContext) {
    const codes = await RegenerateRecoveryCodes.handle(auth.use('web').getUserOrFail())
    session.flash(CODES_KEY, codes)
    session.flash('success', i18n.t('flash.account.codesRegenerated'))
    return response.redirect().toRoute('two_factor.show')
  }

  async destroy({ auth, request, response, session, i18n }: HttpContext) {
    const { password } = await request.validateUsing(disableTwoFactorValidator)
    await DisableTwoFactor.handle(auth.use('web').getUserOrFail(), password)
    session.flash('success', i18n.t('flash.account.twoFactorOff'))
    return response.redirect().toRoute('two_factor.show')
  }
}
