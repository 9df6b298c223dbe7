import type Campaign from '#models/campaign'
import { CAMPAIGN_CONTACT_STATUSES, type CampaignContactStatus } from '#models/campaign_contact'
import { surveyOf } from '#services/campaigns/survey_tree'
import db from '@adonisjs/lucid/services/db'

/** The script in the shape it is written: variants, survey tree, canned responses. */
export async function scriptOf(campaign: Campaign) {
  await campaign.load((loader) => {
    loader.load('variants').load('steps').load('cannedResponses')
  })
  return {
    initial: campaign.variants.map(({ body, weight }) => ({ body, weight })),
    steps: surveyOf(campaign.steps),
    cannedResponses: campaign.cannedResponses.map(({ title, body, tags }) => ({
      title,
      body,
      tags,
    })),
  }
}

type StatusCounts = Record<CampaignContactStatus, number>

/**
 * How many of the snapshot's contacts are at each status (zeros included),
 * from the reporting counters (migration 5400), so a million-contact
 * campaign costs one row, not a count of its contacts.
 */
export async function progressOf(campaignIds: number[]) {
  const empty = () =>
    Object.fromEntries(CAMPAIGN_CONTACT_STATUSES.map((status) => [status, 0])) as StatusCounts
  const progress = new Map(campaignIds.map((id) => [id, empty()]))
  if (!campaignIds.length) return progress
  const rows = await db.from('report_campaign_counters').whereIn('campaign_id', campaignIds)
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
export function progressFigures(
  counts: Awaited<ReturnType<typeof progressOf>> extends Map<number, infer C> ? C : never
) {
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

/** The campaign as created (see API.md), with its status and progress. */
export async function presentCampaign(campaign: Campaign) {
  const progress = await progressOf([campaign.id])
  return {
    id: campaign.id,
    name: campaign.name,
    purpose: campaign.purpose,
    status: campaign.status,
    providerAccountId: campaign.providerAccountId,
    senderNumbers: campaign.senderNumbers,
    audience: campaign.audience,
    script: await scriptOf(campaign),
    textingHours: campaign.textingHours,
    batchSize: campaign.batchSize,
    maxContactsPerTexter: campaign.maxContactsPerTexter,
    // SQLite hands booleans back as 0/1.
    allowInitialEdit: Boolean(campaign.allowInitialEdit),
    copiedFromId: campaign.copiedFromId,
    launchedAt: campaign.launchedAt?.toUTC().toISO() ?? null,
    createdAt: campaign.createdAt.toUTC().toISO()!,
    progress: progressFigures(progress.get(campaign.id)!),
  }
}
