import type Membership from '#models/membership'
import type CampaignContact from '#models/campaign_contact'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import BasePolicy from '#policies/base_policy'

/**
 * A conversation belongs to the member it is assigned to. Supervisors,
 * admins and owners may open and answer any conversation of their
 * organization: they reply as the organization.
 */
export default class ConversationPolicy extends BasePolicy {
  before(membership: Membership | null, action?: string, ...params: unknown[]) {
    // Never another organization's, whatever the role.
    const conversation = params[0] as CampaignContact | undefined
    if (conversation && conversation.organizationId !== membership?.organizationId) return false
    return super.before(membership, action, ...params)
  }

  handle(membership: Membership, conversation: CampaignContact): AuthorizerResponse {
    if (!membership.isActive) return false
    return conversation.assignedUserId === membership.userId || this.isSupervisor(membership)
  }
}
