import type Membership from '#models/membership'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import BasePolicy from '#policies/base_policy'

/**
 * Importing builds the contact base, like managing lists: supervisors and above.
 */
export default class ImportPolicy extends BasePolicy {
  create(membership: Membership): AuthorizerResponse {
    return this.isSupervisor(membership)
  }

  view(membership: Membership): AuthorizerResponse {
    return this.isSupervisor(membership)
  }
}
