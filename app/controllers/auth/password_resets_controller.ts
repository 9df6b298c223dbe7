import type { HttpContext } from '@adonisjs/core/http'
import RequestPasswordReset from '#actions/auth/request_password_reset'
import ResetPassword from '#actions/auth/reset_password'
import { forgotPasswordValidator, resetPasswordValidator } from '#validators/user'
import { limitResetRequest } from '#services/auth/attempt_limits'

export default class PasswordResetsController {
  async create({ inertia }: HttpContext) {
    return inertia.render('auth/forgot_password', {})
  }

  async store({ request, response, session, i18n }: HttpContext) {
    const { email } = await request.validateUsing(forgotPasswordValidator)
    await limitResetRequest(email, request.ip())
    await RequestPasswordReset.handle(email)
    session.flash('success', i18n.t('flash.auth.resetSent'))
    return response.redirect().back()
  }

  async edit({ inertia, params }: HttpContext) {
    const usable = Boolean(await ResetPassword.findUsable(params.token))
    return inertia.render('auth/reset_password', { token: params.token, usable })
  }

  async update({ request, response, session, i18n }: HttpContext) {
    const { token, password } = await request.validateUsing(resetPasswordValidator)
    await ResetPassword.handle(token, password)
    session.flash('success', i18n.t('flash.auth.passwordReset'))
    return response.redirect().toRoute('session.create')
  }
}
