import { Bouncer } from '@adonisjs/bouncer'
import { policies } from '#generated/policies'
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import Membership from '#models/membership'
import Organization from '#models/organization'
import User from '#models/user'

/** How the columns of a user, a membership and its organization are named apart in a joined row. */
const USER = 'user__'
const MEMBERSHIP = 'membership__'
const ORGANIZATION = 'organization__'

function columnsOf(model: LucidModel, table: string, prefix: string) {
  return [...model.$columnsDefinitions.values()].map(
    ({ columnName }) => `${table}.${columnName} as ${prefix}${columnName}`
  )
}

/** The columns of a joined row named with `prefix`, without it; the others are left out. */
function prefixed(row: Record<string, unknown>, prefix: string) {
  const own: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(row)) {
    if (name.startsWith(prefix)) own[name.slice(prefix.length)] = value
  }
  return own
}

/** A membership and its organization from one joined row. */
function withOrganization(row: Record<string, unknown>) {
  const membership = Membership.$createFromAdapterResult(prefixed(row, MEMBERSHIP))!
  membership.$setRelated(
    'organization',
    Organization.$createFromAdapterResult(prefixed(row, ORGANIZATION))!
  )
  return membership
}

function membershipColumns() {
  return [
    ...columnsOf(Membership, 'memberships', MEMBERSHIP),
    ...columnsOf(Organization, 'organizations', ORGANIZATION),
  ]
}

/** The one they act in: the organization chosen in the session, else the first active, else the first. */
function actingIn(memberships: Membership[], chosenOrganizationId?: number) {
  const current =
    memberships.find((m) => m.organizationId === chosenOrganizationId) ??
    memberships.find((m) => m.isActive) ??
    memberships[0]
  return { current, memberships }
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
    .select(...membershipColumns())
    .orderBy('memberships.id')
  return actingIn(rows.map(withOrganization), chosenOrganizationId)
}

/** Memberships read along with their user when the session signed them in. */
const readWithUser = new WeakMap<User, Membership[]>()

/**
 * The signed-in user by id, with their memberships and organizations read in
 * the same query: every page and every step of the send screen needs both,
 * and one round trip to the database costs less than two.
 */
export async function findMember(userId: number) {
  const rows: Record<string, unknown>[] = await db
    .from('users')
    .leftJoin('memberships', (join) =>
      join.on('memberships.user_id', 'users.id').andOnVal('memberships.status', '<>', 'suspended')
    )
    .leftJoin('organizations', 'organizations.id', 'memberships.organization_id')
    .where('users.id', userId)
    .select(...columnsOf(User, 'users', USER), ...membershipColumns())
    .orderBy('memberships.id')
  if (!rows.length) return null
  const user = User.$createFromAdapterResult(prefixed(rows[0], USER))!
  readWithUser.set(
    user,
    rows.filter((row) => row[`${MEMBERSHIP}id`] !== null).map(withOrganization)
  )
  return user
}

/** membershipsOf for a user the session signed in: read along with them, if they were. */
export async function membershipsOfMember(user: User, chosenOrganizationId?: number) {
  const memberships = readWithUser.get(user)
  if (!memberships) return membershipsOf(user.id, chosenOrganizationId)
  return actingIn(memberships, chosenOrganizationId)
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
