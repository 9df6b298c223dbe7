import type Membership from '#models/membership'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import BasePolicy from '#policies/base_policy'

/**
 * Organizers — supervisors, admins and owners — run a campaign's texting:
 * they see every conversation and who is texting, hand out and move
 * contacts, and choose who answers replies. Texters see only their own.
 */
export default class SupervisionPolicy extends BasePolicy {
  supervise(membership: Membership): AuthorizerResponse {
    return this.isSupervisor(membership)
  }
}
