import { DateTime } from 'luxon'
import { randomBytes } from 'node:crypto'
import type { Infer } from '@vinejs/vine/types'
import Invite from '#models/invite'
import type Membership from '#models/membership'
import type { createInviteValidator } from '#validators/invite'
import { audit } from '#services/audit'

const DEFAULT_INVITE_DAYS = 14

type Params = { actor: Membership; data: Infer<typeof createInviteValidator> }

/**
 * Makes a join link for one role. Nobody can hand out a role above their own.
 */
export default class CreateInvite {
  static async handle({ actor, data }: Params) {
    const invite = await Invite.create({
      organizationId: actor.organizationId,
      createdById: actor.userId,
      token: randomBytes(24).toString('base64url'),
      role: data.role,
      maxUses: data.maxUses ?? null,
      uses: 0,
      expiresAt: DateTime.now().plus({ days: data.expiresInDays ?? DEFAULT_INVITE_DAYS }),
      revokedAt: null,
    })
    await audit({
      organizationId: actor.organizationId,
      userId: actor.userId,
      action: 'invite.created',
      subject: { type: 'invite', id: invite.id },
      details: { role: invite.role },
    })
    return invite
  }
}
