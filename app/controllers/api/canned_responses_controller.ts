import type { HttpContext } from '@adonisjs/core/http'
import CannedResponse from '#models/canned_response'
import { cannedResponseValidator } from '#validators/campaign'

function present({ id, title, body, tags }: CannedResponse) {
  return { id, title, body, tags }
}

/**
 * Organization-wide canned responses: offered to texters in every campaign,
 * next to the campaign's own (which are part of its script).
 */
export default class CannedResponsesController {
  async index({ membership, bouncer }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('view')
    const responses = await CannedResponse.forOrganization(membership.organizationId)
      .whereNull('campaign_id')
      .orderBy('position')
      .orderBy('id')
    const data = responses.map(present)
    return { data, meta: { total: data.length, page: 1, perPage: Math.max(data.length, 1) } }
  }

  async store({ request, response, membership, bouncer }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    const { title, body, tags } = await request.validateUsing(cannedResponseValidator)
    const last = await CannedResponse.forOrganization(membership.organizationId)
      .whereNull('campaign_id')
      .max('position as position')
      .pojo<{ position: number | null }>()
    const created = await CannedResponse.create({
      organizationId: membership.organizationId,
      campaignId: null,
      title,
      body,
      tags: tags ?? [],
      position: (last[0]?.position ?? -1) + 1,
    })
    return response.created(present(created))
  }

  async destroy({ params, response, membership, bouncer }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    const found = await CannedResponse.forOrganization(membership.organizationId)
      .whereNull('campaign_id')
      .where('id', Number(params.id) || 0)
      .firstOrFail()
    await found.delete()
    return response.noContent()
  }
}
