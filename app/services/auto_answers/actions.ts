import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import InteractionStep from '#models/interaction_step'
import SurveyResponse from '#models/survey_response'
import Tag from '#models/tag'
import type AutoAnswerRule from '#models/auto_answer_rule'
import type { ConversationSummary } from '#services/realtime/updates'
import { SurveyTree } from '#services/conversations/survey'
import { queueEscalationEmails } from '#services/notifications/escalations'
import { sqlTime } from '#services/db/sql_time'

type Target = { organizationId: number; contactId: number; now: Date }

/**
 * Records the rule's survey answer in the conversation, as a texter's click
 * would (AnswerQuestion): only for a question the conversation asks, and a
 * changed answer drops the answers below the old one. Runs in the inbound
 * text's transaction, so it writes directly.
 */
async function recordSurveyAnswer(
  rule: AutoAnswerRule,
  conversation: ConversationSummary,
  { organizationId, now }: Target,
  trx: TransactionClientContract
) {
  const questionStepId = rule.questionStepId!
  const answerStepId = rule.answerStepId!
  const [steps, responses] = await Promise.all([
    InteractionStep.query({ client: trx }).where('campaign_id', conversation.campaignId),
    SurveyResponse.query({ client: trx }).where('campaign_contact_id', conversation.id),
  ])
  const tree = new SurveyTree(steps)
  const chosen = new Map(responses.map((row) => [row.questionStepId, row.answerStepId]))
  const question = tree.asked(chosen).find((asked) => asked.step.id === questionStepId)
  const answer = question?.answers.find((step) => step.id === answerStepId)
  const previous = chosen.get(questionStepId)
  if (!answer || previous === answerStepId) return

  if (previous !== undefined) {
    await trx
      .from('survey_responses')
      .where('campaign_contact_id', conversation.id)
      .whereIn('question_step_id', [questionStepId, ...tree.questionsBelow(previous)])
      .delete()
  }
  await trx
    .insertQuery()
    .table('survey_responses')
    .insert({
      organization_id: organizationId,
      campaign_id: conversation.campaignId,
      campaign_contact_id: conversation.id,
      question_step_id: questionStepId,
      answer_step_id: answerStepId,
      value: answer.answerOption ?? '',
      answered_by_id: null,
      created_at: sqlTime(now),
      updated_at: sqlTime(now),
    })
}

/** Applies the rule's tags to the contact; an escalating one routes the conversation to supervisors. */
async function applyTags(
  rule: AutoAnswerRule,
  conversation: ConversationSummary | null,
  { organizationId, contactId, now }: Target,
  trx: TransactionClientContract
) {
  const tags = await Tag.forOrganization(organizationId)
    .useTransaction(trx)
    .whereIn('name', rule.tags)
  const applied = await trx
    .from('contact_tags')
    .where('contact_id', contactId)
    .whereIn(
      'tag_id',
      tags.map((tag) => tag.id)
    )
    .select('tag_id')
  const have = new Set(applied.map((row) => row.tag_id as number))
  const missing = tags.filter((tag) => !have.has(tag.id))
  if (missing.length) {
    await trx
      .table('contact_tags')
      .multiInsert(missing.map((tag) => ({ contact_id: contactId, tag_id: tag.id })))
  }
  if (!conversation || !tags.some((tag) => tag.escalates)) return false
  const escalated = await trx
    .from('campaign_contacts')
    .where('id', conversation.id)
    .whereNull('escalated_at')
    .update({ escalated_at: sqlTime(now), updated_at: sqlTime(now) })
  if (!Number(escalated)) return false
  await queueEscalationEmails(trx, { organizationId, campaignContactId: conversation.id })
  return true
}

async function closeConversation(
  conversation: ConversationSummary,
  { now }: Target,
  trx: TransactionClientContract
) {
  if (conversation.status === 'closed' || conversation.status === 'opted_out') return false
  await trx
    .from('campaign_contacts')
    .where('id', conversation.id)
    .update({ status: 'closed', updated_at: sqlTime(now) })
  conversation.status = 'closed'
  return true
}

/**
 * The rule's actions on the conversation (survey answer, tags, close);
 * tags apply to the contact even without one. Whether the conversation
 * changed in a way its watchers should hear.
 */
export async function applyRuleActions(
  rule: AutoAnswerRule,
  conversation: ConversationSummary | null,
  target: Target,
  trx: TransactionClientContract
) {
  let changed = false
  const ownSurvey = conversation && conversation.campaignId === rule.campaignId
  if (ownSurvey && rule.questionStepId && rule.answerStepId) {
    await recordSurveyAnswer(rule, conversation, target, trx)
  }
  if (rule.tags.length) changed = (await applyTags(rule, conversation, target, trx)) || changed
  if (conversation && rule.close)
    changed = (await closeConversation(conversation, target, trx)) || changed
  return changed
}
