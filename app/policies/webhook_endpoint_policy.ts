import type Membership from '#models/membership'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import BasePolicy from '#policies/base_policy'

/**
 * Webhook endpoints receive the organization's events (texts, opt-outs,
 * survey answers) and hold signing secrets: admins and owners only.
 */
export default class WebhookEndpointPolicy extends BasePolicy {
  manage(membership: Membership): AuthorizerResponse {
    return this.isAdmin(membership)
  }
}
