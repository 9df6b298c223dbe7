import AutoAnswerRule from '#models/auto_answer_rule'
import Campaign from '#models/campaign'
import InteractionStep from '#models/interaction_step'
import Tag from '#models/tag'

/** The organization's keyword rules in the order they are tried: each campaign's, then the organization's. */
export default class GetAutoAnswerRules {
  static async handle(organizationId: number) {
    return AutoAnswerRule.forOrganization(organizationId)
      .orderByRaw('campaign_id is null')
      .orderBy('campaign_id')
      .orderBy('id')
  }

  /**
   * What the rule form picks from: the campaigns still in use with their
   * survey questions and answers, and the organization's tags.
   */
  static async choices(organizationId: number) {
    const [campaigns, tags] = await Promise.all([
      Campaign.forOrganization(organizationId)
        .whereNot('status', 'archived')
        .orderBy('id', 'desc')
        .select('id', 'name'),
      Tag.forOrganization(organizationId).orderBy('name').select('name'),
    ])
    const steps = campaigns.length
      ? await InteractionStep.query()
          .whereIn(
            'campaign_id',
            campaigns.map((campaign) => campaign.id)
          )
          .orderBy('position')
          .orderBy('id')
      : []
    return {
      campaigns: campaigns.map((campaign) => ({
        id: campaign.id,
        name: campaign.name,
        questions: steps
          .filter((step) => step.campaignId === campaign.id && step.question)
          .map((step) => ({
            id: step.id,
            question: step.question!,
            answers: steps
              .filter((answer) => answer.parentId === step.id)
              .map((answer) => ({ id: answer.id, answer: answer.answerOption ?? '' })),
          })),
      })),
      tags: tags.map((tag) => tag.name),
    }
  }
}
