import Invite from '#models/invite'
import Membership from '#models/membership'

/**
 * The figures the dashboard opens with, for the member's own organization.
 */
export default class GetOrganizationOverview {
  static async handle(membership: Membership) {
    const organizationId = membership.organizationId
    const members = await Membership.forOrganization(organizationId)
      .select('status')
      .count('* as total')
      .groupBy('status')
    const count = (status: string) =>
      Number(members.find((m) => m.status === status)?.$extras.total ?? 0)
    const liveInvites = membership.atLeast('admin')
      ? await Invite.forOrganization(organizationId).whereNull('revoked_at')
      : null
    const openInvites = liveInvites?.filter((i) => !i.unusableReason).length ?? null

    return {
      stats: {
        activeMembers: count('active'),
        pendingMembers: count('pending'),
        openInvites,
      },
    }
  }
}
