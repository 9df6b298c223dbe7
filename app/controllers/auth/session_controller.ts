import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import { errors as authErrors } from '@adonisjs/auth'
import { loginValidator } from '#validators/user'
import { CURRENT_ORGANIZATION_KEY } from '#middleware/organization_middleware'
import { homeRouteOf } from '#services/organizations/context'
import { limitSignIn } from '#services/auth/attempt_limits'
import { endSession } from '#services/auth/sessions/user_sessions'
import { auditSignIn } from '#services/auth/account_audit'

export default class SessionController {
  async create({ inertia }: HttpContext) {
    return inertia.render('auth/login', {})
  }

  async store({ request, response, auth, session }: HttpContext) {
    const { email, password } = await request.validateUsing(loginValidator)

    const user = await limitSignIn(email, request.ip(), () =>
      User.verifyCredentials(email, password)
    ).catch((failure) => {
      if (failure instanceof authErrors.E_INVALID_CREDENTIALS) return null
      throw failure
    })
    await auditSignIn({ userId: user?.id ?? null, email, ip: request.ip() }, !!user)
    if (!user) {
      session.flash('error', 'That email and password do not match an account.')
      return response.redirect().back()
    }

    await auth.use('web').login(user)
    return response
      .redirect()
      .toRoute(await homeRouteOf(user.id, session.get(CURRENT_ORGANIZATION_KEY)))
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
