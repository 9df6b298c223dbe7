import type CampaignContact from '#models/campaign_contact'
import { pushConversationUpdate } from '#services/conversations/live'

/**
 * Nothing more to say: the conversation leaves "needs reply". A later reply
 * from the person reopens it. An opted-out conversation stays opted out.
 */
export default class CloseConversation {
  static async handle({ conversation }: { conversation: CampaignContact }) {
    if (conversation.status === 'closed' || conversation.status === 'opted_out') return conversation
    conversation.status = 'closed'
    await conversation.save()
    pushConversationUpdate(conversation)
    return conversation
  }
}
