import type Campaign from '#models/campaign'
import type { CampaignProgress } from '#services/campaigns/progress'
import { BaseTransformer } from '@adonisjs/core/transformers'

/** A campaign as the campaign lists show it: its status and progress. */
export default class CampaignSummaryTransformer extends BaseTransformer<Campaign> {
  constructor(
    resource: Campaign,
    private progress: CampaignProgress
  ) {
    super(resource)
  }

  toObject() {
    const campaign = this.resource
    return {
      id: campaign.id,
      name: campaign.name,
      status: campaign.status,
      launchedAt: campaign.launchedAt?.toUTC().toISO() ?? null,
      progress: this.progress,
    }
  }
}
