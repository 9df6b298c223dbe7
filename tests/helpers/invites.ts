import { DateTime } from 'luxon'
import { randomBytes } from 'node:crypto'
import Invite from '#models/invite'
import type Organization from '#models/organization'

/**
 * An open texter invite link to `organization` (14 days, no use limit),
 * with whatever `overrides` a test needs.
 */
export function createInvite(organization: Organization, overrides: Partial<Invite> = {}) {
  return Invite.create({
    organizationId: organization.id,
    createdById: null,
    token: randomBytes(24).toString('base64url'),
    role: 'texter',
    maxUses: null,
    uses: 0,
    expiresAt: DateTime.now().plus({ days: 14 }),
    revokedAt: null,
    ...overrides,
  })
}
