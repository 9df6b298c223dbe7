import { Bouncer } from '@adonisjs/bouncer'
import { policies } from '#generated/policies'
import type { HttpContext } from '@adonisjs/core/http'
import Membership from '#models/membership'
import type Organization from '#models/organization'

/**
 * A user's memberships that are not suspended (oldest first), and the one
 * they act in: the organization chosen in the session (the org switcher),
 * else their first active membership, else their first pending one.
 */
export async function membershipsOf(userId: number, chosenOrganizationId?: number) {
  const memberships = await Membership.query()
    .where('user_id', userId)
    .whereNot('status', 'suspended')
    .preload('organization')
    .orderBy('id')
  const current =
    memberships.find((m) => m.organizationId === chosenOrganizationId) ??
    memberships.find((m) => m.isActive) ??
    memberships[0]
  return { current, memberships }
}

/**
 * Where a signed-in user starts (after signing in, and at "/"): their
 * current membership's home, or creating an organization when they have none.
 */
export async function homeRouteOf(userId: number, chosenOrganizationId?: number) {
  const { current } = await membershipsOf(userId, chosenOrganizationId)
  return current ? current.homeRoute : ('organizations.create' as const)
}

/**
 * Puts the acting membership and its organization on the request, and gives
 * the request a bouncer that judges that membership.
 */
export function enterOrganization(ctx: HttpContext, membership: Membership) {
  ctx.membership = membership
  ctx.organization = membership.organization
  ctx.bouncer = new Bouncer(() => membership, {}, policies).setContainerResolver(
    ctx.containerResolver
  )
}

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    membership: Membership
    organization: Organization
    bouncer: Bouncer<Membership, {}, typeof policies>
  }
}
