import type { HttpContext } from '@adonisjs/core/http'
import Membership from '#models/membership'
import UpdateMembership from '#actions/members/update_membership'
import RemoveMember from '#actions/members/remove_member'
import { changeRoleValidator, changeStatusValidator } from '#validators/member'
import MemberTransformer from '#transformers/member_transformer'

export default class MembersController {
  async index({ inertia, membership, bouncer }: HttpContext) {
    await bouncer.with('MembershipPolicy').authorize('viewList')
    const members = await Membership.forOrganization(membership.organizationId)
      .preload('user')
      .orderByRaw(`case status when 'pending' then 0 else 1 end`)
      .orderBy('id')
    return inertia.render('members/index', {
      members: await Promise.all(
        members.map(async (m) => ({
          ...new MemberTransformer(m).forPage(),
          canManage: await bouncer.with('MembershipPolicy').allows('update', m),
        }))
      ),
    })
  }

  async update({ params, request, response, membership, bouncer, session, i18n }: HttpContext) {
    const target = await Membership.findForOrganizationOrFail(membership.organizationId, params.id)
    const { role } = await request.validateUsing(changeRoleValidator)
    await bouncer.with('MembershipPolicy').authorize('update', target, role)
    await UpdateMembership.handle(membership, target, { role })
    session.flash('success', i18n.t('flash.members.roleChanged'))
    return response.redirect().back()
  }

  async updateStatus({
    params,
    request,
    response,
    membership,
    bouncer,
    session,
    i18n,
  }: HttpContext) {
    const target = await Membership.findForOrganizationOrFail(membership.organizationId, params.id)
    const { status } = await request.validateUsing(changeStatusValidator)
    await bouncer.with('MembershipPolicy').authorize('update', target)
    await UpdateMembership.handle(membership, target, { status })
    session.flash('success', i18n.t('flash.members.status', { status }))
    return response.redirect().back()
  }

  async destroy({ params, response, membership, bouncer, session, i18n }: HttpContext) {
    const target = await Membership.findForOrganizationOrFail(membership.organizationId, params.id)
    await bouncer.with('MembershipPolicy').authorize('delete', target)
    await RemoveMember.handle(membership, target)
    session.flash('success', i18n.t('flash.members.removed'))
    return response.redirect().toRoute('members.index')
  }
}
