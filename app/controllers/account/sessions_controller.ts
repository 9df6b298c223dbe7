import type { HttpContext } from '@adonisjs/core/http'
import ListSessions from '#actions/auth/sessions/list_sessions'
import RevokeSession from '#actions/auth/sessions/revoke_session'
import SignOutOtherSessions from '#actions/auth/sessions/sign_out_other_sessions'

/** The person's signed-in browsers, each of which they can sign out. */
export default class SessionsController {
  async index({ inertia, auth, session }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    return inertia.render('account/sessions', {
      sessions: await ListSessions.handle(user.id, session.sessionId),
    })
  }

  async destroy({ auth, params, response, session, i18n }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    await RevokeSession.handle(user.id, String(params.handle), session.sessionId)
    session.flash('success', i18n.t('flash.account.sessionEnded'))
    return response.redirect().toRoute('account_sessions.index')
  }

  async destroyOthers({ auth, response, session, i18n }: HttpContext) {
    await SignOutOtherSessions.handle(auth.use('web').getUserOrFail().id, session.sessionId)
    session.flash('success', i18n.t('flash.account.otherSessionsEnded'))
    return response.redirect().toRoute('account_sessions.index')
  }
}
