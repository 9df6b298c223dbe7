import type { HttpContext } from '@adonisjs/core/http'
import GetAutoAnswerRules from '#actions/auto_answers/get_auto_answer_rules'
import SaveAutoAnswerRule from '#actions/auto_answers/save_auto_answer_rule'
import DeleteAutoAnswerRule from '#actions/auto_answers/delete_auto_answer_rule'
import { autoAnswerValidator } from '#validators/auto_answer'
import AutoAnswerRuleTransformer from '#transformers/auto_answer_rule_transformer'

/** Keyword rules that answer inbound texts at once: supervisors read them, admins and owners change them. */
export default class AutoAnswersController {
  async index({ membership, bouncer }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('view')
    const rules = await GetAutoAnswerRules.handle(membership.organizationId)
    const data = rules.map((rule) => new AutoAnswerRuleTransformer(rule).toObject())
    return { data, meta: { total: data.length, page: 1, perPage: Math.max(data.length, 1) } }
  }

  async store({ request, response, membership, bouncer }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    const data = await request.validateUsing(autoAnswerValidator)
    const rule = await SaveAutoAnswerRule.handle({ actor: membership, data })
    return response.created(new AutoAnswerRuleTransformer(rule).toObject())
  }

  async update({ params, request, membership, bouncer }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    const data = await request.validateUsing(autoAnswerValidator)
    const id = Number(params.id) || 0
    const rule = await SaveAutoAnswerRule.handle({ actor: membership, data, id })
    return new AutoAnswerRuleTransformer(rule).toObject()
  }

  async destroy({ params, response, membership, bouncer }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    await DeleteAutoAnswerRule.handle({ actor: membership, id: Number(params.id) || 0 })
    return response.noContent()
  }
}
