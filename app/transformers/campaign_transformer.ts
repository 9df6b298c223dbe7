import type { CampaignDetails } from '#actions/campaigns/get_campaign_details'
import { BaseTransformer } from '@adonisjs/core/transformers'

/** A campaign as created (see API.md), with its script, status and progress. */
export default class CampaignTransformer extends BaseTransformer<CampaignDetails> {
  toObject() {
    const { campaign, script, progress } = this.resource
    return {
      id: campaign.id,
      name: campaign.name,
      purpose: campaign.purpose,
      status: campaign.status,
      providerAccountId: campaign.providerAccountId,
      senderNumbers: campaign.senderNumbers,
      audience: campaign.audience,
      script,
      textingHours: campaign.textingHours,
      batchSize: campaign.batchSize,
      maxContactsPerTexter: campaign.maxContactsPerTexter,
      // SQLite hands booleans back as 0/1.
      allowInitialEdit: Boolean(campaign.allowInitialEdit),
      trackLinks: Boolean(campaign.trackLinks),
      copiedFromId: campaign.copiedFromId,
      launchedAt: campaign.launchedAt?.toUTC().toISO() ?? null,
      createdAt: campaign.createdAt.toUTC().toISO()!,
      progress,
    }
  }
}
