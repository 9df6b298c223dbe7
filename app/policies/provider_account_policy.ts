import type Membership from '#models/membership'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import BasePolicy from '#policies/base_policy'

/**
 * Provider accounts hold the organization's credentials and decide what its
 * texts cost: admins and owners only, for every action on them and on the
 * texts they park for review.
 */
export default class ProviderAccountPolicy extends BasePolicy {
  manage(membership: Membership): AuthorizerResponse {
    return this.isAdmin(membership)
  }
}
