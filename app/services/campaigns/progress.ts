import { summedCounters } from '#services/reports/counter_rows'
import { CAMPAIGN_CONTACT_STATUSES, type CampaignContactStatus } from '#models/campaign_contact'

type StatusCounts = Record<CampaignContactStatus, number>

/**
 * How many of the snapshot's contacts are at each status (zeros included),
 * from the reporting counters (migration 5400, summed over their shards), so a million-contact
 * campaign costs one row, not a count of its contacts.
 */
async function statusCounts(campaignIds: number[]) {
  const empty = () =>
    Object.fromEntries(CAMPAIGN_CONTACT_STATUSES.map((status) => [status, 0])) as StatusCounts
  const progress = new Map(campaignIds.map((id) => [id, empty()]))
  if (!campaignIds.length) return progress
  const rows = await summedCounters('report_campaign_counters', ['campaign_id']).whereIn(
    'campaign_id',
    campaignIds
  )
  for (const row of rows) {
    const counts = progress.get(Number(row.campaign_id))!
    for (const status of CAMPAIGN_CONTACT_STATUSES) counts[status] = Number(row[`status_${status}`])
  }
  return progress
}

/**
 * Progress figures: `targeted` contacts in the snapshot, `sent` those texted
 * at least once, `toSend` those still waiting for their first text, and
 * `repliesWaiting` conversations waiting on a texter.
 */
function figures(counts: StatusCounts) {
  const targeted = Object.values(counts).reduce((sum, count) => sum + count, 0)
  return {
    targeted,
    toSend: counts.needs_message,
    sent: targeted - counts.needs_message - counts.failed,
    repliesWaiting: counts.needs_response,
    optedOut: counts.opted_out,
    failed: counts.failed,
  }
}

export type CampaignProgress = ReturnType<typeof figures>

/** Progress figures for each of `campaignIds`. */
export async function campaignProgress(campaignIds: number[]) {
  const counts = await statusCounts(campaignIds)
  return new Map([...counts].map(([id, count]) => [id, figures(count)]))
}
