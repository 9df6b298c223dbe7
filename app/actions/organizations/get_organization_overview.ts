import type Membership from '#models/membership'
import Invite from '#models/invite'
import MembershipModel from '#models/membership'

/**
 * The figures the dashboard opens with, for the member's own organization.
 */
export default class GetOrganizationOverview {
  static async handle(membership: Membership) {
    const organizationId = membership.organizationId
    const members = await MembershipModel.forOrganization(organizationId)
      .select('status')
      .count('* as total')
      .groupBy('status')
    const count = (status: string) =>
      Number(members.find((m) => m.status === status)?.$extras.total ?? 0)
    const openInvites = membership.atLeast('admin')
      ? (await Invite.forOrganization(organizationId).whereNull('revoked_at')).filter((i) => !i.unusableReason).length
      : null

    return {
      stats: {
        activeMembers: count('active'),
        pendingMembers: count('pending'),
        openInvites,
      },
    }
  }
}
