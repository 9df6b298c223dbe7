import type { HttpContext } from '@adonisjs/core/http'
import limiter from '@adonisjs/limiter/services/main'
import RequestPasswordReset from '#actions/auth/request_password_reset'
import ResetPassword from '#actions/auth/reset_password'
import { forgotPasswordValidator, resetPasswordValidator } from '#validators/user'

/**
 * Reset emails are limited per address, so the form cannot be used to flood
 * someone's inbox, and more loosely per IP, since a whole office of
 * volunteers may share one address.
 */
const perAddress = limiter.use({ requests: 3, duration: '15 mins' })
const perIp = limiter.use({ requests: 30, duration: '15 mins' })

export default class PasswordResetsController {
  async create({ inertia }: HttpContext) {
    return inertia.render('auth/forgot_password', {})
  }

  async store({ request, response, session }: HttpContext) {
    const { email } = await request.validateUsing(forgotPasswordValidator)
    const [byEmail, byIp] = await Promise.all([
      perAddress.attempt(`reset_${email}`, () => true),
      perIp.attempt(`reset_ip_${request.ip()}`, () => true),
    ])
    if (!byEmail || !byIp) {
      session.flash('error', 'Too many reset requests. Wait a few minutes, then try again.')
      return response.redirect().back()
    }
    await RequestPasswordReset.handle(email)
    session.flash('success', 'If that address has an account, a reset link is on its way.')
    return response.redirect().back()
  }

  async edit({ inertia, params }: HttpContext) {
    const usable = Boolean(await ResetPassword.findUsable(params.token))
    return inertia.render('auth/reset_password', { token: params.token, usable })
  }

  async update({ request, response, session }: HttpContext) {
    const { token, password } = await request.validateUsing(resetPasswordValidator)
    await ResetPassword.handle(token, password)
    session.flash('success', 'Your password is changed. Sign in with the new one.')
    return response.redirect().toRoute('session.create')
  }
}
