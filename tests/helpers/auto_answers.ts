import AutoAnswerRule from '#models/auto_answer_rule'
import Message from '#models/message'

/** A keyword rule of `organizationId` (the whole organization's unless a campaign is given). */
export function createRule(
  organizationId: number,
  attributes: Partial<Pick<AutoAnswerRule, 'campaignId' | 'questionStepId' | 'answerStepId'>> &
    Partial<Pick<AutoAnswerRule, 'tags' | 'close' | 'enabled'>> & {
      keywords: string[]
      answer: string
    }
) {
  return AutoAnswerRule.create({
    organizationId,
    campaignId: null,
    questionStepId: null,
    answerStepId: null,
    tags: [],
    close: false,
    enabled: true,
    fired: 0,
    ...attributes,
  })
}

/** The automatic answers sent to `phone`, oldest first. */
export function autoAnswersTo(phone: string) {
  return Message.query().where('to_phone', phone).where('purpose', 'auto_answer').orderBy('id')
}
