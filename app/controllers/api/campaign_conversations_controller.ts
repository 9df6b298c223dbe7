import type { HttpContext } from '@adonisjs/core/http'
import { campaignOf } from '#services/texting/campaign_lookup'
import { pageOfConversations } from '#services/texting/conversation_review'
import { conversationFiltersValidator } from '#validators/assignment'
import CampaignConversationTransformer from '#transformers/campaign_conversation_transformer'

/** `GET /api/v1/campaigns/:id/conversations`: the supervisor review's list. */
export default class CampaignConversationsController {
  async index({ params, request, membership, bouncer }: HttpContext) {
    await bouncer.with('SupervisionPolicy').authorize('supervise')
    const campaign = await campaignOf(membership.organizationId, params.id)
    const {
      page = 1,
      perPage = 50,
      ...filters
    } = await request.validateUsing(conversationFiltersValidator, { data: request.qs() })
    const { conversations, total } = await pageOfConversations(campaign, filters, { page, perPage })
    return {
      data: conversations.map((found) => new CampaignConversationTransformer(found).toObject()),
      meta: { total, page, perPage },
    }
  }
}
