import type { HttpContext } from '@adonisjs/core/http'
import Invite from '#models/invite'
import CreateInvite from '#actions/invites/create_invite'
import RevokeInvite from '#actions/invites/revoke_invite'
import { createInviteValidator } from '#validators/invite'
import InviteTransformer from '#transformers/invite_transformer'

export default class InvitesController {
  async index({ inertia, membership, bouncer }: HttpContext) {
    await bouncer.with('InvitePolicy').authorize('viewList')
    const invites = await Invite.forOrganization(membership.organizationId).orderBy('id', 'desc')
    return inertia.render('invites/index', {
      invites: invites.map((invite) => new InviteTransformer(invite).forPage()),
      requiresApproval: membership.organization.requiresApproval,
    })
  }

  async store({ request, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('InvitePolicy').authorize('create')
    const data = await request.validateUsing(createInviteValidator)
    await CreateInvite.handle({ actor: membership, data })
    session.flash('success', i18n.t('flash.invites.created'))
    return response.redirect().toRoute('invites.index')
  }

  async destroy({ params, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('InvitePolicy').authorize('revoke')
    const invite = await Invite.findForOrganizationOrFail(membership.organizationId, params.id)
    await RevokeInvite.handle(membership, invite)
    session.flash('success', i18n.t('flash.invites.revoked'))
    return response.redirect().toRoute('invites.index')
  }
}
