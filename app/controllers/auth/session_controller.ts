import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import { errors as authErrors } from '@adonisjs/auth'
import { loginValidator } from '#validators/user'
import { limitSignIn } from '#services/auth/attempt_limits'
import { endSession } from '#services/auth/sessions/user_sessions'
import { auditSignIn } from '#services/auth/account_audit'
import { completeSignIn } from '#services/auth/complete_sign_in'
import { startPendingSignIn } from '#services/auth/two_factor/pending_sign_in'

export default class SessionController {
  async create({ inertia }: HttpContext) {
    return inertia.render('auth/login', {})
  }

  async store(ctx: HttpContext) {
    const { request, response, session } = ctx
    const { email, password } = await request.validateUsing(loginValidator)

    const user = await limitSignIn(email, request.ip(), () =>
      User.verifyCredentials(email, password)
    ).catch((failure) => {
      if (failure instanceof authErrors.E_INVALID_CREDENTIALS) return null
      throw failure
    })
    if (!user) {
      await auditSignIn({ userId: null, email, ip: request.ip() }, false)
      session.flash('error', ctx.i18n.t('flash.auth.wrongCredentials'))
      return response.redirect().back()
    }

    // Not signed in yet: the second step asks for the code.
    if (user.hasTwoFactor) {
      startPendingSignIn(session, user)
      return response.redirect().toRoute('two_factor_challenge.create')
    }
    return completeSignIn(ctx, user)
  }

  async destroy({ auth, response, session }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    await auth.use('web').logout()
    // Ended now, not when this response is sent, so its open live streams close with it;
    // the browser continues under a new, empty session.
    await endSession(user.id, session.sessionId)
    session.clear()
    session.regenerate()
    return response.redirect().toRoute('session.create')
  }
}
