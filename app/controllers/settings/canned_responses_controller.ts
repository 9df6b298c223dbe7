import type { HttpContext } from '@adonisjs/core/http'
import GetCannedResponses from '#actions/canned_responses/get_canned_responses'
import SaveCannedResponse from '#actions/canned_responses/save_canned_response'
import DeleteCannedResponse from '#actions/canned_responses/delete_canned_response'
import { cannedResponseValidator } from '#validators/campaign'
import CannedResponseTransformer from '#transformers/canned_response_transformer'

/**
 * The organization-wide canned responses page: supervisors read them,
 * admins and owners add, change and delete them (the API's rules).
 */
export default class CannedResponsesController {
  async index({ inertia, membership, bouncer }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('view')
    const responses = await GetCannedResponses.handle(membership.organizationId)
    return inertia.render('settings/canned_responses', {
      responses: responses.map((found) => new CannedResponseTransformer(found).toObject()),
      canManage: await bouncer.with('CampaignPolicy').allows('manage'),
    })
  }

  async store({ request, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    const data = await request.validateUsing(cannedResponseValidator)
    await SaveCannedResponse.handle({ actor: membership, data })
    session.flash('success', i18n.t('flash.canned.added'))
    return response.redirect().toRoute('canned_responses.index')
  }

  async update({ params, request, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    const data = await request.validateUsing(cannedResponseValidator)
    await SaveCannedResponse.handle({ actor: membership, data, id: Number(params.id) || 0 })
    session.flash('success', i18n.t('flash.canned.saved'))
    return response.redirect().toRoute('canned_responses.index')
  }

  async destroy({ params, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    await DeleteCannedResponse.handle({ actor: membership, id: Number(params.id) || 0 })
    session.flash('success', i18n.t('flash.canned.deleted'))
    return response.redirect().toRoute('canned_responses.index')
  }
}
