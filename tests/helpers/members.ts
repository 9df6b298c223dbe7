import Membership, { type MembershipStatus, type Role } from '#models/membership'
import type Organization from '#models/organization'
import { OrganizationFactory } from '#database/factories/organization_factory'
import { UserFactory } from '#database/factories/user_factory'

/**
 * A user with `role` in `organization` (a new organization when none is given).
 * The membership comes back with its user and organization loaded.
 */
export async function createMember(
  role: Role = 'owner',
  options: { organization?: Organization; status?: MembershipStatus } = {}
) {
  const organization = options.organization ?? (await OrganizationFactory.create())
  const user = await UserFactory.create()
  const membership = await Membership.create({
    organizationId: organization.id,
    userId: user.id,
    role,
    status: options.status ?? 'active',
  })
  membership.$setRelated('user', user)
  membership.$setRelated('organization', organization)
  return membership
}

/**
 * A bearer token for `membership`, as `node ace tokens:create` would print it.
 */
export async function apiTokenFor(membership: Membership) {
  const token = await Membership.accessTokens.create(membership, ['*'], { name: 'tests' })
  return token.value!.release()
}
