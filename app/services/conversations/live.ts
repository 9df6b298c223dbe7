import type CampaignContact from '#models/campaign_contact'
import { pushToOrganization } from '#services/realtime/updates'

/**
 * Tells the organization's supervisors and the conversation's texter (and
 * the one who held it before, when it moved) that it changed.
 */
export function pushConversationUpdate(
  conversation: CampaignContact,
  previousUserId: number | null = null
) {
  pushToOrganization(conversation.organizationId, {
    type: 'conversation.updated',
    userIds: [conversation.assignedUserId, previousUserId],
    conversation: {
      id: conversation.id,
      campaignId: conversation.campaignId,
      status: conversation.status,
      assignedUserId: conversation.assignedUserId,
    },
  })
}
