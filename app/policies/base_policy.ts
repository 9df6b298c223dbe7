import { BasePolicy as BouncerBasePolicy } from '@adonisjs/bouncer'
import type Membership from '#models/membership'

/**
 * Policies judge a membership — a user acting in one organization — never a
 * bare user. Owners may do everything in their organization.
 */
export default class BasePolicy extends BouncerBasePolicy {
  before(
    membership: Membership | null,
    _action?: string,
    ..._params: unknown[]
  ): boolean | undefined {
    if (membership?.isActive && membership.role === 'owner') return true
  }

  protected isAdmin(membership: Membership) {
    return membership.isActive && membership.atLeast('admin')
  }

  protected isSupervisor(membership: Membership) {
    return membership.isActive && membership.atLeast('supervisor')
  }
}
