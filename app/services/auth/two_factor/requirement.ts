import type Membership from '#models/membership'
import type User from '#models/user'

/**
 * Whether the organization's "admins and owners must use two-factor"
 * setting stops `user` (as `membership`) until they enrol. Only web pages
 * check it: API tokens are unaffected.
 */
export function mustEnrolTwoFactor(membership: Membership, user: User) {
  return (
    membership.organization.settings.requireTwoFactor &&
    membership.atLeast('admin') &&
    !user.hasTwoFactor
  )
}
