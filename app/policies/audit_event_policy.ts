import type Membership from '#models/membership'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import BasePolicy from '#policies/base_policy'

/** The audit trail says who did what to whom: admins and owners read it. */
export default class AuditEventPolicy extends BasePolicy {
  view(membership: Membership): AuthorizerResponse {
    return this.isAdmin(membership)
  }
}
