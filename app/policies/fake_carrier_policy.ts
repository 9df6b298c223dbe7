import type Membership from '#models/membership'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import BasePolicy from '#policies/base_policy'

/**
 * The Phones page shows every text the organization sent through the fake
 * carrier and can post replies as anyone: admins and owners only.
 */
export default class FakeCarrierPolicy extends BasePolicy {
  usePhones(membership: Membership): AuthorizerResponse {
    return this.isAdmin(membership)
  }
}
