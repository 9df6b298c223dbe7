import type { HttpContext } from '@adonisjs/core/http'
import GetAutoAnswerRules from '#actions/auto_answers/get_auto_answer_rules'
import SaveAutoAnswerRule from '#actions/auto_answers/save_auto_answer_rule'
import DeleteAutoAnswerRule from '#actions/auto_answers/delete_auto_answer_rule'
import TryAutoAnswer from '#actions/auto_answers/try_auto_answer'
import { autoAnswerTryValidator, autoAnswerValidator } from '#validators/auto_answer'
import AutoAnswerRuleTransformer from '#transformers/auto_answer_rule_transformer'

/**
 * The "Auto answers" page: supervisors read the rules and try messages,
 * admins and owners add, change and delete rules (the API's rules).
 */
export default class AutoAnswersController {
  async index({ inertia, membership, bouncer }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('view')
    const organizationId = membership.organizationId
    const [rules, choices] = await Promise.all([
      GetAutoAnswerRules.handle(organizationId),
      GetAutoAnswerRules.choices(organizationId),
    ])
    return inertia.render('auto_answers/index', {
      rules: rules.map((rule) => new AutoAnswerRuleTransformer(rule).toObject()),
      ...choices,
      canManage: await bouncer.with('CampaignPolicy').allows('manage'),
    })
  }

  async store({ request, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    const data = await request.validateUsing(autoAnswerValidator)
    await SaveAutoAnswerRule.handle({ actor: membership, data })
    session.flash('success', i18n.t('flash.autoAnswers.added'))
    return response.redirect().toRoute('auto_answers.index')
  }

  async update({ params, request, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    const data = await request.validateUsing(autoAnswerValidator)
    await SaveAutoAnswerRule.handle({ actor: membership, data, id: Number(params.id) || 0 })
    session.flash('success', i18n.t('flash.autoAnswers.saved'))
    return response.redirect().toRoute('auto_answers.index')
  }

  async destroy({ params, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    await DeleteAutoAnswerRule.handle({ actor: membership, id: Number(params.id) || 0 })
    session.flash('success', i18n.t('flash.autoAnswers.deleted'))
    return response.redirect().toRoute('auto_answers.index')
  }

  /** "Try a message": which rule would answer it, and with what; nothing is sent. */
  async try({ request, membership, bouncer }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('view')
    const data = await request.validateUsing(autoAnswerTryValidator)
    return TryAutoAnswer.handle({ actor: membership, data })
  }
}
