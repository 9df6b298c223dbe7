import type Membership from '#models/membership'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import BasePolicy from '#policies/base_policy'

/**
 * Integration accounts hold CRM credentials and move people and results
 * between Porchlight and the CRM: admins and owners only.
 */
export default class IntegrationAccountPolicy extends BasePolicy {
  manage(membership: Membership): AuthorizerResponse {
    return this.isAdmin(membership)
  }
}
