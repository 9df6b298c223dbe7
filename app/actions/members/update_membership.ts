import type Membership from '#models/membership'
import type { MembershipStatus, Role } from '#models/membership'
import { audit } from '#services/audit'
import { endSessionsOf } from '#services/auth/sessions/user_sessions'
import { accessChanged } from '#services/realtime/live_streams'

type Change = { role?: Exclude<Role, 'owner'>; status?: Exclude<MembershipStatus, 'pending'> }

/**
 * Changes a member's role or status (approve and reactivate set "active",
 * suspend sets "suspended"). Audited with the before and after values. A
 * suspended member is signed out everywhere at once (sessions are not per
 * organization); a demoted one stops hearing the channels of their old role.
 */
export default class UpdateMembership {
  static async handle(actor: Membership, target: Membership, change: Change) {
    const before = { role: target.role, status: target.status }
    target.merge(change)
    await target.save()
    await audit({
      organizationId: target.organizationId,
      userId: actor.userId,
      action: 'member.updated',
      subject: { type: 'membership', id: target.id },
      details: { before, after: { role: target.role, status: target.status } },
    })
    if (before.status !== 'suspended' && target.status === 'suspended') {
      await endSessionsOf(target.userId)
    } else if (before.role !== target.role || before.status !== target.status) {
      await accessChanged(target.userId)
    }
    return target
  }
}
