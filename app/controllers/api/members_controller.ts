import type { HttpContext } from '@adonisjs/core/http'
import GetMembers from '#actions/members/get_members'
import { memberFiltersValidator } from '#validators/member'
import MemberTransformer from '#transformers/member_transformer'

export default class MembersController {
  /** `?role=&status=`: who is in the organization, so work can be assigned to them. */
  async index({ request, membership, bouncer }: HttpContext) {
    await bouncer.with('MembershipPolicy').authorize('viewDirectory')
    const {
      page = 1,
      perPage = 50,
      ...filters
    } = await request.validateUsing(memberFiltersValidator, { data: request.qs() })
    const { members, total } = await GetMembers.handle({
      organizationId: membership.organizationId,
      filters,
      page,
      perPage,
    })
    return {
      data: members.map((member) => new MemberTransformer(member).toObject()),
      meta: { total, page, perPage },
    }
  }
}
