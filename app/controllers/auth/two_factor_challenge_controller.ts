import type { HttpContext } from '@adonisjs/core/http'
import VerifySecondFactor from '#actions/auth/two_factor/verify_second_factor'
import { twoFactorCodeValidator } from '#validators/two_factor'
import { completeSignIn } from '#services/auth/complete_sign_in'
import { endPendingSignIn, pendingSignIn } from '#services/auth/two_factor/pending_sign_in'

/** The second step of signing in, after a right password: the authenticator or a recovery code. */
export default class TwoFactorChallengeController {
  async create({ inertia, response, session }: HttpContext) {
    if (!pendingSignIn(session)) return response.redirect().toRoute('session.create')
    return inertia.render('auth/two_factor', {})
  }

  async store(ctx: HttpContext) {
    const { request, response, session } = ctx
    const pending = pendingSignIn(session)
    if (!pending) {
      endPendingSignIn(session)
      session.flash('error', ctx.i18n.t('flash.auth.tooLong'))
      return response.redirect().toRoute('session.create')
    }
    const { code } = await request.validateUsing(twoFactorCodeValidator)
    const user = await VerifySecondFactor.handle(pending, code, request.ip())
    if (!user) {
      session.flash('error', ctx.i18n.t('flash.auth.wrongCode'))
      return response.redirect().toRoute('two_factor_challenge.create')
    }
    endPendingSignIn(session)
    return completeSignIn(ctx, user)
  }
}
