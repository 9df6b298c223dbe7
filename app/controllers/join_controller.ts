import type { HttpContext } from '@adonisjs/core/http'
import AcceptInvite from '#actions/invites/accept_invite'
import RequestJoin from '#actions/invites/request_join'
import { findInvite } from '#services/invites/usable_invites'
import { joinRequestValidator, newAccountValidator } from '#validators/user'
import { CURRENT_ORGANIZATION_KEY } from '#middleware/organization_middleware'
import { canSendMail } from '#services/mailer'
import { isUniqueViolation } from '#services/db/unique_violation'
import type Membership from '#models/membership'
import type User from '#models/user'

/**
 * Where an invite link lands: a volunteer gives name, email and password, or
 * joins with the account they are signed in with. When email can reach the
 * address, a new account is finished from an emailed link, and the form
 * answers the same whether or not the address is registered.
 */
export default class JoinController {
  async show({ inertia, params, auth }: HttpContext) {
    const invite = await findInvite(params.token)
    return inertia.render('join', {
      token: params.token,
      organizationName: invite?.organization.name ?? null,
      role: invite?.role ?? null,
      problem: invite ? invite.unusableReason : 'not found',
      signedInAs: auth.use('web').user?.email ?? null,
    })
  }

  async store(ctx: HttpContext) {
    const { params, request, response, auth, session } = ctx
    const signedIn = auth.use('web').user
    if (signedIn) {
      return this.#welcome(ctx, await AcceptInvite.handle(params.token, { user: signedIn }))
    }
    if (canSendMail()) {
      await RequestJoin.handle(params.token, await request.validateUsing(joinRequestValidator))
      session.flash('success', ctx.i18n.t('flash.join.checkInbox'))
      return response.redirect().toRoute('join.show', { token: params.token })
    }
    // Without email, the account is made at once (and a taken address is said to be taken).
    const account = await request.validateUsing(newAccountValidator)
    return this.#welcome(ctx, await AcceptInvite.handle(params.token, { account }))
  }

  /** The emailed link: creates the account asked for, signs it in and joins. */
  async confirm(ctx: HttpContext) {
    const { params, request, response, session } = ctx
    const asked = RequestJoin.read(params.token, request.qs().code)
    if (!asked) {
      session.flash('error', ctx.i18n.t('flash.join.linkExpired'))
      return response.redirect().toRoute('join.show', { token: params.token })
    }
    const account = {
      fullName: asked.fullName,
      email: asked.email,
      passwordHash: asked.passwordHash,
    }
    let joined
    try {
      joined = await AcceptInvite.handle(params.token, { account })
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
      session.flash('error', ctx.i18n.t('flash.join.linkUsed'))
      return response.redirect().toRoute('session.create')
    }
    // Whoever this browser was signed in as, it is now the account the link made.
    await ctx.auth.use('web').login(joined.user)
    return this.#welcome(ctx, joined)
  }

  async #welcome(
    { auth, session, response, i18n }: HttpContext,
    { user, membership }: { user: User; membership: Membership }
  ) {
    if (!auth.use('web').user) await auth.use('web').login(user)
    session.put(CURRENT_ORGANIZATION_KEY, membership.organizationId)
    if (membership.status === 'pending') return response.redirect().toRoute('waiting.show')
    session.flash('success', i18n.t('flash.join.welcome'))
    return response.redirect().toRoute(membership.homeRoute)
  }
}
