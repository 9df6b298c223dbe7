import type Membership from '#models/membership'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import BasePolicy from '#policies/base_policy'

export default class InvitePolicy extends BasePolicy {
  viewList(membership: Membership): AuthorizerResponse {
    return this.isAdmin(membership)
  }

  create(membership: Membership): AuthorizerResponse {
    return this.isAdmin(membership)
  }

  revoke(membership: Membership): AuthorizerResponse {
    return this.isAdmin(membership)
  }
}
