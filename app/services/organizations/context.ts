import { Bouncer } from '@adonisjs/bouncer'
import { policies } from '#generated/policies'
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import Membership from '#models/membership'
import Organization from '#models/organization'

/** The organization's columns read along with a membership, named apart from the membership's. */
const PREFIX = 'organization__'

function organizationColumns() {
  return [...Organization.$columnsDefinitions.values()].map(
    ({ columnName }) => `organizations.${columnName} as ${PREFIX}${columnName}`
  )
}

/** A membership and its organization from one joined row (one query on every page, not two). */
function withOrganization(row: Record<string, unknown>) {
  const own: Record<string, unknown> = {}
  const organization: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(row)) {
    if (name.startsWith(PREFIX)) organization[name.slice(PREFIX.length)] = value
    else own[name] = value
  }
  const membership = Membership.$createFromAdapterResult(own)!
  membership.$setRelated('organization', Organization.$createFromAdapterResult(organization)!)
  return membership
}

/**
 * A user's memberships that are not suspended (oldest first), and the one
 * they act in: the organization chosen in the session (the org switcher),
 * else their first active membership, else their first pending one.
 */
export async function membershipsOf(userId: number, chosenOrganizationId?: number) {
  const rows: Record<string, unknown>[] = await db
    .from('memberships')
    .join('organizations', 'organizations.id', 'memberships.organization_id')
    .where('memberships.user_id', userId)
    .whereNot('memberships.status', 'suspended')
    .select('memberships.*', ...organizationColumns())
    .orderBy('memberships.id')
  const memberships = rows.map(withOrganization)
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
