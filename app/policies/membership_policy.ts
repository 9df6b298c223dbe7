import Membership, { roleRank, type Role } from '#models/membership'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import BasePolicy from '#policies/base_policy'

/**
 * Admins manage everyone below owner; nobody changes their own membership
 * here (an owner cannot demote or remove themselves by accident).
 */
export default class MembershipPolicy extends BasePolicy {
  before(actor: Membership | null, action: string, target?: unknown) {
    if (target instanceof Membership && actor && target.id === actor.id) return false
    return super.before(actor, action)
  }

  viewList(actor: Membership): AuthorizerResponse {
    return this.isAdmin(actor)
  }

  /** Who is in the organization (the API's member list): organizers assign work to them. */
  viewDirectory(actor: Membership): AuthorizerResponse {
    return this.isSupervisor(actor)
  }

  update(actor: Membership, target: Membership, role?: Role): AuthorizerResponse {
    return this.outranks(actor, target) && (!role || roleRank(role) < roleRank('owner'))
  }

  delete(actor: Membership, target: Membership): AuthorizerResponse {
    return this.outranks(actor, target)
  }

  private outranks(actor: Membership, target: Membership) {
    return this.isAdmin(actor) && roleRank(actor.role) > roleRank(target.role)
  }
}
