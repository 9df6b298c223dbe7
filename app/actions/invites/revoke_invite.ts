import { DateTime } from 'luxon'
import type Invite from '#models/invite'
import type Membership from '#models/membership'
import { audit } from '#services/audit'

export default class RevokeInvite {
  static async handle(actor: Membership, invite: Invite) {
    if (invite.revokedAt) return invite
    invite.revokedAt = DateTime.now()
    await invite.save()
    await audit({
      organizationId: invite.organizationId,
      userId: actor.userId,
      action: 'invite.revoked',
      subject: { type: 'invite', id: invite.id },
    })
    return invite
  }
}
