import type Membership from '#models/membership'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import BasePolicy from '#policies/base_policy'

/**
 * Supervisors and above read and add to the opt-out list (adding only ever
 * stops texts). Taking someone off it, and exporting it, is for admins.
 */
export default class OptOutPolicy extends BasePolicy {
  viewList(membership: Membership): AuthorizerResponse {
    return this.isSupervisor(membership)
  }

  create(membership: Membership): AuthorizerResponse {
    return this.isSupervisor(membership)
  }

  lift(membership: Membership): AuthorizerResponse {
    return this.isAdmin(membership)
  }

  export(membership: Membership): AuthorizerResponse {
    return this.isAdmin(membership)
  }
}
