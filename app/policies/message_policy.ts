import type Membership from '#models/membership'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import BasePolicy from '#policies/base_policy'

/**
 * Every text the organization sent and received, across campaigns and
 * texters, is for organizers (supervisors and above); texters read only
 * their own conversations.
 */
export default class MessagePolicy extends BasePolicy {
  viewList(membership: Membership): AuthorizerResponse {
    return this.isSupervisor(membership)
  }

  view(membership: Membership): AuthorizerResponse {
    return this.isSupervisor(membership)
  }
}
