import type { HttpContext } from '@adonisjs/core/http'
import GetCannedResponses from '#actions/canned_responses/get_canned_responses'
import SaveCannedResponse from '#actions/canned_responses/save_canned_response'
import DeleteCannedResponse from '#actions/canned_responses/delete_canned_response'
import { cannedResponseValidator } from '#validators/campaign'
import CannedResponseTransformer from '#transformers/canned_response_transformer'

/**
 * Organization-wide canned responses: offered to texters in every campaign,
 * next to the campaign's own (which are part of its script).
 */
export default class CannedResponsesController {
  async index({ membership, bouncer }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('view')
    const responses = await GetCannedResponses.handle(membership.organizationId)
    const data = responses.map((found) => new CannedResponseTransformer(found).toObject())
    return { data, meta: { total: data.length, page: 1, perPage: Math.max(data.length, 1) } }
  }

  async store({ request, response, membership, bouncer }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    const data = await request.validateUsing(cannedResponseValidator)
    const created = await SaveCannedResponse.handle({ actor: membership, data })
    return response.created(new CannedResponseTransformer(created).toObject())
  }

  async update({ params, request, membership, bouncer }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    const data = await request.validateUsing(cannedResponseValidator)
    const id = Number(params.id) || 0
    const saved = await SaveCannedResponse.handle({ actor: membership, data, id })
    return new CannedResponseTransformer(saved).toObject()
  }

  async destroy({ params, response, membership, bouncer }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    await DeleteCannedResponse.handle({ actor: membership, id: Number(params.id) || 0 })
    return response.noContent()
  }
}
