import type AutoAnswerRule from '#models/auto_answer_rule'
import { BaseTransformer } from '@adonisjs/core/transformers'

/** A keyword rule, on the page and in the API. */
export default class AutoAnswerRuleTransformer extends BaseTransformer<AutoAnswerRule> {
  toObject() {
    const rule = this.resource
    return {
      ...this.pick(rule, ['id', 'keywords', 'answer', 'campaignId', 'tags', 'close', 'enabled']),
      surveyAnswer:
        rule.questionStepId && rule.answerStepId
          ? { questionId: rule.questionStepId, answerId: rule.answerStepId }
          : null,
      fired: rule.fired,
    }
  }
}
