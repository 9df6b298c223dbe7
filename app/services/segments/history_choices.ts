import Campaign from '#models/campaign'
import InteractionStep from '#models/interaction_step'

/**
 * The campaigns a history condition may name in the builder (every one but
 * drafts, which have no history), each with its survey's questions and
 * their answers, in script order.
 */
export async function historyChoices(organizationId: number) {
  const [campaigns, steps] = await Promise.all([
    Campaign.forOrganization(organizationId)
      .whereNot('status', 'draft')
      .orderBy('name')
      .select('id', 'name'),
    InteractionStep.forOrganization(organizationId)
      .orderBy('position')
      .orderBy('id')
      .select('id', 'campaign_id', 'parent_id', 'question', 'answer_option'),
  ])
  const answersOf = (questionId: number) =>
    steps
      .filter((step) => step.parentId === questionId && step.answerOption)
      .map((step) => ({ id: step.id, answer: step.answerOption! }))
  return campaigns.map((campaign) => ({
    id: campaign.id,
    name: campaign.name,
    questions: steps
      .filter((step) => step.campaignId === campaign.id && step.question)
      .map((step) => ({ id: step.id, question: step.question!, answers: answersOf(step.id) })),
  }))
}
