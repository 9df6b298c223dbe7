import type { Infer } from '@vinejs/vine/types'
import type Membership from '#models/membership'
import type { autoAnswerTryValidator } from '#validators/auto_answer'
import { matchingRule } from '#services/auto_answers/rules'
import { renderAnswer } from '#services/auto_answers/render'

type Params = { actor: Membership; data: Infer<typeof autoAnswerTryValidator> }

/**
 * Which enabled rule would answer this text (in this campaign's
 * conversation, or from anyone), and its answer with the contact's fields
 * left as written. Sends nothing.
 */
export default class TryAutoAnswer {
  static async handle({ actor, data }: Params) {
    const rule = await matchingRule(actor.organizationId, data.campaignId ?? null, data.body)
    if (!rule) return { ruleId: null, keywords: [], answer: null }
    const answer = await renderAnswer(rule, {
      organizationId: actor.organizationId,
      contactId: null,
      texterId: actor.userId,
    })
    return { ruleId: rule.id, keywords: rule.keywords, answer }
  }
}
