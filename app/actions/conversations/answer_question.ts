import db from '@adonisjs/lucid/services/db'
import InteractionStep from '#models/interaction_step'
import SurveyResponse from '#models/survey_response'
import type CampaignContact from '#models/campaign_contact'
import type Membership from '#models/membership'
import ActionRefusedException from '#exceptions/action_refused_exception'
import { SurveyTree } from '#services/conversations/survey'
import { isUniqueViolation } from '#services/db/unique_violation'
import { recordEvent } from '#services/outbound_webhooks/events'

type Params = {
  actor: Membership
  conversation: CampaignContact
  questionStepId: number
  answerStepId: number
}

/**
 * Records the person's answer to a survey question the conversation asks.
 * Choosing another answer replaces it, and answers to the questions below
 * the old choice are removed: they answered a question that no longer applies.
 */
export default class AnswerQuestion {
  static async handle({ actor, conversation, questionStepId, answerStepId }: Params) {
    const [steps, responses] = await Promise.all([
      InteractionStep.query().where('campaign_id', conversation.campaignId),
      SurveyResponse.query().where('campaign_contact_id', conversation.id),
    ])
    const tree = new SurveyTree(steps)
    const chosen = new Map(responses.map((row) => [row.questionStepId, row.answerStepId]))
    const question = tree.asked(chosen).find((asked) => asked.step.id === questionStepId)
    if (!question) {
      throw new ActionRefusedException('refusals.conversations.questionNotAsked')
    }
    const answer = question.answers.find((step) => step.id === answerStepId)
    if (!answer) throw new ActionRefusedException('refusals.conversations.chooseAnswer')
    const previous = chosen.get(questionStepId)
    if (previous === answerStepId) return

    await db.transaction(async (trx) => {
      if (previous !== undefined) {
        await SurveyResponse.query({ client: trx })
          .where('campaign_contact_id', conversation.id)
          .whereIn('question_step_id', tree.questionsBelow(previous))
          .delete()
      }
      const values = { answerStepId, value: answer.answerOption ?? '', answeredById: actor.userId }
      const key = { campaignContactId: conversation.id, questionStepId }
      try {
        await SurveyResponse.updateOrCreate(
          key,
          {
            ...key,
            ...values,
            organizationId: conversation.organizationId,
            campaignId: conversation.campaignId,
          },
          { client: trx }
        )
      } catch (error) {
        // A second click recorded the same question a moment ago.
        if (!isUniqueViolation(error)) throw error
        await SurveyResponse.query({ client: trx })
          .where('campaign_contact_id', conversation.id)
          .where('question_step_id', questionStepId)
          .update({
            answer_step_id: answerStepId,
            value: values.value,
            answered_by_id: actor.userId,
          })
      }
      await recordEvent(trx, {
        organizationId: conversation.organizationId,
        type: 'survey.answered',
        contactId: conversation.contactId,
        data: {
          question: { id: questionStepId, text: question.step.question },
          answer: { id: answerStepId, value: values.value },
          contact: { id: conversation.contactId },
          conversationId: conversation.id,
          campaignId: conversation.campaignId,
          answeredById: actor.userId,
        },
      })
    })
  }
}
