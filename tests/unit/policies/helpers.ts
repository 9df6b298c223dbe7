import { Bouncer } from '@adonisjs/bouncer'
import { policies } from '#generated/policies'
import Membership, { type MembershipStatus, type Role } from '#models/membership'

let nextId = 1

/** A membership in organization 1, as the policies see it (nothing is saved). */
export function membership(role: Role, status: MembershipStatus = 'active') {
  return new Membership().merge({ id: nextId++, organizationId: 1, userId: nextId, role, status })
}

/** The bouncer a request acting as `actor` gets. */
export function bouncerFor(actor: Membership) {
  return new Bouncer<Membership, {}, typeof policies>(actor, {}, policies)
}
