import type { HttpContext } from '@adonisjs/core/http'
import GetCampaignStats from '#actions/reports/get_campaign_stats'

export default class CampaignStatsController {
  async show({ params, membership, bouncer }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('view')
    const { stats } = await GetCampaignStats.handle({
      organizationId: membership.organizationId,
      campaignId: params.id,
    })
    return stats
  }
}
