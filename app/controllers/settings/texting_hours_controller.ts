import type { HttpContext } from '@adonisjs/core/http'
import type Organization from '#models/organization'
import SaveTextingHourRules from '#actions/texting_hours/save_texting_hour_rules'
import { DEFAULT_STATE_RULES, FEDERAL_WINDOW, stateRulesFor } from '#services/texting_hours/rules'
import { textingHourRulesValidator } from '#validators/texting_hours'

export default class TextingHoursController {
  async edit({ inertia, organization, bouncer }: HttpContext) {
    await bouncer.with('OrganizationPolicy').authorize('update')
    const rules = await stateRulesFor(organization.id)
    return inertia.render('settings/texting_hours', {
      federal: FEDERAL_WINDOW,
      organizationHours: organization.settings.textingHours,
      stateRules: organization.settings.stateRules,
      rules: [...rules.values()],
      defaultStates: DEFAULT_STATE_RULES.map((rule) => rule.state),
    })
  }

  async update({
    request,
    response,
    organization,
    membership,
    bouncer,
    session,
    i18n,
  }: HttpContext) {
    await bouncer.with('OrganizationPolicy').authorize('update')
    const data = await request.validateUsing(textingHourRulesValidator)
    await SaveTextingHourRules.handle({
      organization: organization as Organization,
      actor: membership,
      data,
    })
    session.flash('success', i18n.t('flash.settings.textingHoursSaved'))
    return response.redirect().back()
  }
}
