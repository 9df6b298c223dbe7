import AutoAnswerRule from '#models/auto_answer_rule'
import type Membership from '#models/membership'

/** Deletes a keyword rule of the actor's organization; the answers it sent stay in their threads. */
export default class DeleteAutoAnswerRule {
  static async handle({ actor, id }: { actor: Membership; id: number }) {
    const rule = await AutoAnswerRule.forOrganization(actor.organizationId)
      .where('id', id)
      .firstOrFail()
    await rule.delete()
  }
}
