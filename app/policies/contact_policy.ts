import type Membership from '#models/membership'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import BasePolicy from '#policies/base_policy'

/**
 * Supervisors and above work with the contact base (browse, edit, tag, put
 * on lists); texters only meet the contacts assigned to them in conversations.
 * Erasing a person's data is an admin's decision.
 */
export default class ContactPolicy extends BasePolicy {
  viewList(membership: Membership): AuthorizerResponse {
    return this.isSupervisor(membership)
  }

  view(membership: Membership): AuthorizerResponse {
    return this.isSupervisor(membership)
  }

  update(membership: Membership): AuthorizerResponse {
    return this.isSupervisor(membership)
  }

  erase(membership: Membership): AuthorizerResponse {
    return this.isAdmin(membership)
  }
}
