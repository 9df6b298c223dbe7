import Invite from '#models/invite'
import Membership from '#models/membership'
import { organizationOverview } from '#services/reports/organization_overview'

/**
 * The figures the dashboard opens with, for the member's own organization;
 * supervisors and above also get the campaigns overview (reporting).
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
      overview: membership.atLeast('supervisor')
        ? await organizationOverview(organizationId)
        : null,
    }
  }
}
