import type { HttpContext } from '@adonisjs/core/http'
import Export from '#models/export'
import GetCampaignStats from '#actions/reports/get_campaign_stats'
import ExportTransformer from '#transformers/export_transformer'

/**
 * A campaign's report: every figure of GET /api/v1/campaigns/:id/stats, with
 * charts, and (for admins) its exports. Supervisors and above.
 */
export default class CampaignReportsController {
  async show({ params, inertia, membership, bouncer, i18n }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('view')
    const { campaign, stats } = await GetCampaignStats.handle({
      organizationId: membership.organizationId,
      campaignId: params.id,
    })
    const canExport = await bouncer.with('ExportPolicy').allows('manage')
    const exports = canExport
      ? await Export.forOrganization(membership.organizationId)
          .where('campaign_id', campaign.id)
          .orderBy('id', 'desc')
          .limit(10)
      : []
    return inertia.render('campaigns/report', {
      campaign: { id: campaign.id, name: campaign.name, status: campaign.status },
      stats,
      canExport,
      exports: exports.map((record) => new ExportTransformer(record, 'web').toObject(i18n)),
    })
  }
}
