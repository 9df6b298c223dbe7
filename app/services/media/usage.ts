import type { LucidModel, ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import CannedResponse from '#models/canned_response'
import FollowUpStep from '#models/follow_up_step'
import ScriptVariant from '#models/script_variant'
import type { CampaignStatus } from '#models/campaign'

/** Campaigns that send (or will again once resumed): their pictures must stay. */
const RUNNING: CampaignStatus[] = ['active', 'paused']

/** Narrows a query on a campaign's rows to running campaigns, with the campaign's name. */
function ofRunningCampaigns<Query extends ModelQueryBuilderContract<LucidModel>>(
  query: Query,
  table: string
) {
  return query
    .join('campaigns', 'campaigns.id', `${table}.campaign_id`)
    .whereIn('campaigns.status', RUNNING)
    .select(`${table}.*`, 'campaigns.name as campaign_name')
}

/**
 * Names of the organization's running campaigns whose texts (first text,
 * follow-up steps, canned responses) carry the picture `mediaId`.
 */
export async function runningCampaignsUsing(organizationId: number, mediaId: number) {
  const [variants, steps, responses] = await Promise.all([
    ofRunningCampaigns(
      ScriptVariant.forOrganization(organizationId).whereNotNull('script_variants.media_ids'),
      'script_variants'
    ),
    ofRunningCampaigns(FollowUpStep.forOrganization(organizationId), 'follow_up_steps'),
    ofRunningCampaigns(
      CannedResponse.forOrganization(organizationId).whereNotNull('canned_responses.media_ids'),
      'canned_responses'
    ),
  ])
  const names = new Set<string>()
  for (const row of [...variants, ...responses]) {
    if (row.mediaIds.includes(mediaId)) names.add(row.$extras.campaign_name)
  }
  for (const step of steps) {
    if (step.variants.some((variant) => variant.mediaIds?.includes(mediaId))) {
      names.add(step.$extras.campaign_name)
    }
  }
  return [...names].sort()
}
