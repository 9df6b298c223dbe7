import type { HttpContext } from '@adonisjs/core/http'
import InteractionStep from '#models/interaction_step'
import Tag from '#models/tag'
import { campaignOf } from '#services/texting/campaign_lookup'
import { pageOfConversations } from '#services/texting/conversation_review'
import { activeMembers, escalatedCount } from '#services/texting/supervision'
import { conversationFiltersValidator } from '#validators/assignment'
import CampaignConversationTransformer from '#transformers/campaign_conversation_transformer'
import TagTransformer from '#transformers/tag_transformer'

const PER_PAGE = 50

/**
 * Supervisor review: every conversation of a campaign, filtered, with a
 * reassign form for the rows chosen (it posts to CampaignTexters.assign).
 */
export default class CampaignReviewsController {
  async index({ inertia, params, request, membership, bouncer }: HttpContext) {
    await bouncer.with('SupervisionPolicy').authorize('supervise')
    const campaign = await campaignOf(membership.organizationId, params.id)
    const {
      page = 1,
      perPage = PER_PAGE,
      ...filters
    } = await request.validateUsing(conversationFiltersValidator, { data: request.qs() })
    const result = await pageOfConversations(campaign, filters, { page, perPage })
    return inertia.render('campaigns/review', {
      campaign: { id: campaign.id, name: campaign.name, status: campaign.status },
      conversations: result.conversations.map((found) =>
        new CampaignConversationTransformer(found).toObject()
      ),
      meta: { page, perPage, total: result.total },
      filters: {
        texterId: filters.texterId ?? null,
        unassigned: filters.unassigned ?? false,
        status: filters.status ?? null,
        tagId: filters.tagId ?? null,
        answerStepId: filters.answerStepId ?? null,
        text: filters.text ?? '',
        escalated: filters.escalated ?? null,
        sentiment: filters.sentiment ?? null,
      },
      escalated: await escalatedCount(campaign.id),
      members: () => activeMembers(campaign.organizationId),
      tags: () => tagsOf(campaign.organizationId),
      answers: () => surveyAnswersOf(campaign.id),
    })
  }
}

async function tagsOf(organizationId: number) {
  const tags = await Tag.forOrganization(organizationId).orderBy('name')
  return tags.map((tag) => new TagTransformer(tag).toObject())
}

/** The campaign's survey answers as "Question: answer", for the answer filter. */
async function surveyAnswersOf(campaignId: number) {
  const steps = await InteractionStep.query().where('campaign_id', campaignId).orderBy('position')
  const byId = new Map(steps.map((step) => [step.id, step]))
  return steps
    .filter((step) => step.parentId !== null)
    .map((step) => ({
      id: step.id,
      label: `${byId.get(step.parentId!)?.question ?? 'Question'}: ${step.answerOption ?? ''}`,
    }))
}
