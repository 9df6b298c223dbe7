import type { HttpContext } from '@adonisjs/core/http'
import GetCannedResponses, {
  presentCannedResponse,
} from '#actions/canned_responses/get_canned_responses'
import SaveCannedResponse from '#actions/canned_responses/save_canned_response'
import DeleteCannedResponse from '#actions/canned_responses/delete_canned_response'
import { cannedResponseValidator } from '#validators/campaign'

/**
 * Organization-wide canned responses: offered to texters in every campaign,
 * next to the campaign's own (which are part of its script).
 */
export default class CannedResponsesController {
  async index({ membership, bouncer }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('view')
    const data = await GetCannedResponses.handle(membership.organizationId)
    return { data, meta: { total: data.length, page: 1, perPage: Math.max(data.length, 1) } }
  }

  async store({ request, response, membership, bouncer }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    const data = await request.validateUsing(cannedResponseValidator)
    const created = await SaveCannedResponse.handle({ actor: membership, data })
    return response.created(presentCannedResponse(created))
  }

  async update({ params, request, membership, bouncer }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    const data = await request.validateUsing(cannedResponseValidator)
    const id = Number(params.id) || 0
    return presentCannedResponse(await SaveCannedResponse.handle({ actor: membership, data, id }))
  }

  async destroy({ params, response, membership, bouncer }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    await DeleteCannedResponse.handle({ actor: membership, id: Number(params.id) || 0 })
    return response.noContent()
  }
}
