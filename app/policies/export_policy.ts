import type Membership from '#models/membership'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import BasePolicy from '#policies/base_policy'

/**
 * Exports carry the organization's whole contact data out of Porchlight:
 * only admins and owners start, follow and download them.
 */
export default class ExportPolicy extends BasePolicy {
  manage(membership: Membership): AuthorizerResponse {
    return this.isAdmin(membership)
  }
}
