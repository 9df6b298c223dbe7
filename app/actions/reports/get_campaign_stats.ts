import Campaign from '#models/campaign'
import { campaignStats } from '#services/reports/campaign_stats'

/** A campaign's report figures; another organization's campaign is not found. */
export default class GetCampaignStats {
  static async handle({
    organizationId,
    campaignId,
  }: {
    organizationId: number
    campaignId: unknown
  }) {
    const campaign = await Campaign.findForOrganizationOrFail(organizationId, campaignId)
    return { campaign, stats: await campaignStats(campaign) }
  }
}
