import type Membership from '#models/membership'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import BasePolicy from '#policies/base_policy'

/**
 * The media library: admins and owners add and delete pictures; every
 * member sees them, to attach them to texts.
 */
export default class MediaItemPolicy extends BasePolicy {
  view(membership: Membership): AuthorizerResponse {
    return membership.isActive
  }

  manage(membership: Membership): AuthorizerResponse {
    return this.isAdmin(membership)
  }
}
