import type { HttpContext } from '@adonisjs/core/http'
import Invite from '#models/invite'
import CreateInvite from '#actions/invites/create_invite'
import RevokeInvite from '#actions/invites/revoke_invite'
import { createInviteValidator } from '#validators/invite'
import { paginationValidator } from '#validators/pagination'
import InviteTransformer from '#transformers/invite_transformer'

export default class InvitesController {
  async index({ request, membership, bouncer }: HttpContext) {
    await bouncer.with('InvitePolicy').authorize('viewList')
    const { page = 1, perPage = 50 } = await request.validateUsing(paginationValidator, {
      data: request.qs(),
    })
    const result = await Invite.forOrganization(membership.organizationId)
      .orderBy('id', 'desc')
      .paginate(page, perPage)
    return {
      data: result.all().map((invite) => new InviteTransformer(invite).toObject()),
      meta: { total: result.total, page, perPage },
    }
  }

  async store({ request, response, membership, bouncer }: HttpContext) {
    await bouncer.with('InvitePolicy').authorize('create')
    const data = await request.validateUsing(createInviteValidator)
    const invite = await CreateInvite.handle({ actor: membership, data })
    return response.created(new InviteTransformer(invite).toObject())
  }

  async destroy({ params, membership, bouncer }: HttpContext) {
    await bouncer.with('InvitePolicy').authorize('revoke')
    const invite = await Invite.findForOrganizationOrFail(membership.organizationId, params.id)
    const revoked = await RevokeInvite.handle(membership, invite)
    return new InviteTransformer(revoked).toObject()
  }
}
