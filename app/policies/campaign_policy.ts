import type Membership from '#models/membership'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import BasePolicy from '#policies/base_policy'

/**
 * Supervisors follow campaigns (list, page, progress); admins and owners
 * build, launch, pause, resume, complete, archive and copy them, because a
 * launch spends the organization's money and speaks in its name. Texters
 * meet campaigns only through their assigned conversations.
 */
export default class CampaignPolicy extends BasePolicy {
  view(membership: Membership): AuthorizerResponse {
    return this.isSupervisor(membership)
  }

  manage(membership: Membership): AuthorizerResponse {
    return this.isAdmin(membership)
  }
}
