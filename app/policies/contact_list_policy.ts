import type Membership from '#models/membership'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import BasePolicy from '#policies/base_policy'

/**
 * Lists and tags organise the contact base: supervisors and above manage them.
 */
export default class ContactListPolicy extends BasePolicy {
  viewList(membership: Membership): AuthorizerResponse {
    return this.isSupervisor(membership)
  }

  manage(membership: Membership): AuthorizerResponse {
    return this.isSupervisor(membership)
  }
}
