import type Membership from '#models/membership'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import BasePolicy from '#policies/base_policy'

export default class OrganizationPolicy extends BasePolicy {
  update(membership: Membership): AuthorizerResponse {
    return this.isAdmin(membership)
  }
}
