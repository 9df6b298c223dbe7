import type Campaign from '#models/campaign'
import { scriptOf } from '#services/campaigns/script'
import { campaignProgress } from '#services/campaigns/progress'

export type CampaignDetails = Awaited<ReturnType<typeof GetCampaignDetails.handle>>

/** A campaign with what its detail shows besides its own columns: the script and progress. */
export default class GetCampaignDetails {
  static async handle(campaign: Campaign) {
    const progress = await campaignProgress([campaign.id])
    return { campaign, script: await scriptOf(campaign), progress: progress.get(campaign.id)! }
  }
}
