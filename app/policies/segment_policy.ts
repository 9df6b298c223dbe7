import type Membership from '#models/membership'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import BasePolicy from '#policies/base_policy'

/**
 * Segments are campaign audiences: supervisors and above build them.
 */
export default class SegmentPolicy extends BasePolicy {
  viewList(membership: Membership): AuthorizerResponse {
    return this.isSupervisor(membership)
  }

  manage(membership: Membership): AuthorizerResponse {
    return this.isSupervisor(membership)
  }
}
