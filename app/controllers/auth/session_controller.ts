import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import limiter from '@adonisjs/limiter/services/main'
import { errors as authErrors } from '@adonisjs/auth'
import { loginValidator } from '#validators/user'
import { CURRENT_ORGANIZATION_KEY } from '#middleware/organization_middleware'
import { homeRouteOf } from '#services/organization_context'

/**
 * Sign-in is limited per email+IP pair, so a guessing script is stopped
 * without locking the real person out from another address.
 */
const signInLimiter = limiter.use({ requests: 5, duration: '1 min', blockDuration: '5 mins' })

export default class SessionController {
  async create({ inertia }: HttpContext) {
    return inertia.render('auth/login', {})
  }

  async store({ request, response, auth, session }: HttpContext) {
    const { email, password } = await request.validateUsing(loginValidator)
    const key = `login_${email}_${request.ip()}`

    const [error, user] = await signInLimiter
      .penalize(key, () => User.verifyCredentials(email, password))
      .catch((failure) => {
        if (failure instanceof authErrors.E_INVALID_CREDENTIALS) return [null, null] as const
        throw failure
      })
    if (!error && !user) {
      session.flashExcept(['password'])
      session.flash('error', 'That email and password do not match an account.')
      return response.redirect().back()
    }
    if (error) {
      session.flashExcept(['password'])
      session.flash(
        'error',
        `Too many sign-in attempts. Try again in ${Math.ceil(error.response.availableIn / 60)} minutes.`
      )
      return response.redirect().back()
    }

    await auth.use('web').login(user)
    return response
      .redirect()
      .toRoute(await homeRouteOf(user.id, session.get(CURRENT_ORGANIZATION_KEY)))
  }

  async destroy({ auth, response, session }: HttpContext) {
    await auth.use('web').logout()
    session.clear()
    return response.redirect().toRoute('session.create')
  }
}
