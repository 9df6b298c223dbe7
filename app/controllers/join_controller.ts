import type { HttpContext } from '@adonisjs/core/http'
import AcceptInvite from '#actions/invites/accept_invite'
import { newAccountValidator } from '#validators/user'
import { CURRENT_ORGANIZATION_KEY } from '#middleware/organization_middleware'

/**
 * Where an invite link lands: a volunteer gives name, email and password, or
 * joins with the account they are signed in with.
 */
export default class JoinController {
  async show({ inertia, params, auth }: HttpContext) {
    const invite = await AcceptInvite.findByToken(params.token)
    return inertia.render('join', {
      token: params.token,
      organizationName: invite?.organization.name ?? null,
      role: invite?.role ?? null,
      problem: invite ? invite.unusableReason : 'not found',
      signedInAs: auth.use('web').user?.email ?? null,
    })
  }

  async store({ params, request, response, auth, session }: HttpContext) {
    const signedIn = auth.use('web').user
    const joiner = signedIn
      ? { user: signedIn }
      : { account: await request.validateUsing(newAccountValidator) }
    const { user, membership } = await AcceptInvite.handle(params.token, joiner)

    if (!signedIn) await auth.use('web').login(user)
    session.put(CURRENT_ORGANIZATION_KEY, membership.organizationId)
    if (membership.status === 'pending') return response.redirect().toRoute('waiting.show')
    session.flash('success', 'Welcome aboard.')
    return response.redirect().toRoute(membership.homeRoute)
  }
}
