import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import { errors as authErrors } from '@adonisjs/auth'
import { loginValidator } from '#validators/user'
import { limitSignIn } from '#services/attempt_limits'
import { endSession } from '#services/sessions/user_sessions'

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
    if (!user) {
      session.flash('error', 'That email and password do not match an account.')
      return response.redirect().back()
    }

    await auth.use('web').login(user)
    return response.redirect().toRoute('dashboard')
  }

  async destroy({ auth, response, session }: HttpContext) {
    await auth.use('web').logout()
    session.clear()
    session.regenerate()
    // Ended now, not when this response is sent, so nothing still using it outlives the sign-out.
    await endSession(session.sessionId)
    return response.redirect().toRoute('session.create')
  }
}
