import type Membership from '#models/membership'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import BasePolicy from '#policies/base_policy'

/**
 * Every active member texts: texters, and supervisors, admins and owners
 * when they lend a hand. Suspended and pending members do not.
 */
export default class TextingPolicy extends BasePolicy {
  text(membership: Membership): AuthorizerResponse {
    return membership.isActive
  }
}
