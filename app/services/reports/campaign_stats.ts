import db from '@adonisjs/lucid/services/db'
import { NOT_HANDED_OVER } from '#database/report_counters'
import type Campaign from '#models/campaign'
import Organization, { DEFAULT_SETTINGS } from '#models/organization'
import { compareRates } from '#services/reports/significance'
import { medianOfBuckets } from '#services/reports/reply_times'
import { surveyQuestions } from '#services/reports/survey_questions'
import { followUpStats } from '#services/reports/follow_up_stats'
import { summedCounters } from '#services/reports/counter_rows'
import { clickStats, clicksOf, deliveredByTexter } from '#services/reports/click_stats'

/**
 * A campaign's figures (docs/reporting.md defines each). Everything is read
 * from the counters that triggers keep (migration 5400) plus the campaign's
 * own small tables, never by scanning contacts or messages, so it costs the
 * same for ten contacts or a million.
 */

const REASONS = {
  landline: 'failed_landline',
  invalid: 'failed_invalid',
  carrierFiltered: 'failed_carrier_filtered',
  carrierOptOut: 'failed_carrier_opt_out',
  other: 'failed_other',
  optedOut: 'failed_opted_out',
  textingHours: 'failed_texting_hours',
} as const

const STATUSES = {
  needsMessage: 'status_needs_message',
  messaged: 'status_messaged',
  needsResponse: 'status_needs_response',
  conversing: 'status_conversing',
  closed: 'status_closed',
  optedOut: 'status_opted_out',
  failed: 'status_failed',
} as const

/** Variants are called A, B, C… in script order. */
export const variantLabel = (index: number) => String.fromCharCode(65 + (index % 26))

/** A share rounded to 4 decimals (0.1234 = 12.34%); 0 when nothing was counted. */
export function rate(part: number, whole: number) {
  return whole ? Math.round((part / whole) * 10000) / 10000 : 0
}

/**
 * First texts handed to the provider, from a campaign's counter row:
 * delivered, failed and awaiting a receipt — less the failed ones our own
 * last checks stopped before the provider saw them.
 */
export function firstTextsSent(count: (column: string) => number) {
  const delivery = count('delivery_sent') + count('delivery_delivered') + count('delivery_failed')
  return NOT_HANDED_OVER.reduce((sent, reason) => sent - count(`failed_${reason}`), delivery)
}

/** An amount of money rounded to 4 decimals (prices per segment are fractions of a cent). */
export function money(value: number) {
  return Math.round(value * 10000) / 10000
}

function pick<T extends Record<string, string>>(names: T, row: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(names).map(([key, column]) => [key, Number(row[column] ?? 0)])
  ) as Record<keyof T, number>
}

async function counters(campaignId: number) {
  const row = await summedCounters('report_campaign_counters', ['campaign_id'])
    .where('campaign_id', campaignId)
    .first()
  return (row ?? {}) as Record<string, unknown>
}

export async function pricePerSegment(organizationId: number) {
  const organization = await Organization.find(organizationId)
  const price = Number(organization?.settings.pricePerSegment)
  return Number.isFinite(price) ? price : DEFAULT_SETTINGS.pricePerSegment
}

async function variantsOf(campaignId: number) {
  const [variants, counts] = await Promise.all([
    db
      .from('script_variants')
      .where('campaign_id', campaignId)
      .orderBy('position')
      .select('id', 'body'),
    summedCounters('report_variant_counters', ['variant_id']).where('campaign_id', campaignId),
  ])
  const byId = new Map(counts.map((row) => [Number(row.variant_id), row]))
  const rows = variants.map((variant, index) => ({
    id: variant.id as number,
    label: variantLabel(index),
    body: variant.body as string,
    counts: byId.get(variant.id),
  }))
  return rows.map(({ id, label, body, counts: row }) => {
    const sent = Number(row?.sent ?? 0)
    const replied = Number(row?.replied ?? 0)
    const optedOut = Number(row?.opted_out ?? 0)
    return {
      id,
      label,
      body,
      sent,
      delivered: Number(row?.delivered ?? 0),
      replied,
      optedOut,
      responseRate: rate(replied, sent),
      optOutRate: rate(optedOut, sent),
    }
  })
}

async function surveyOf(campaignId: number) {
  const [questions, counts] = await Promise.all([
    surveyQuestions(campaignId),
    db.from('report_survey_counters').where('campaign_id', campaignId),
  ])
  const answered = new Map(
    counts.map((row) => [`${row.question_step_id}:${row.answer_step_id}`, Number(row.answers)])
  )
  return questions.map((question) => {
    const answers = question.answers.map((answer) => ({
      ...answer,
      count: answered.get(`${question.id}:${answer.id}`) ?? 0,
    }))
    return {
      id: question.id,
      question: question.question,
      total: answers.reduce((sum, answer) => sum + answer.count, 0),
      answers,
    }
  })
}

async function textersOf(campaignId: number) {
  const [rows, times] = await Promise.all([
    db
      .from('report_texter_counters as t')
      .leftJoin('users', 'users.id', 't.user_id')
      .where('t.campaign_id', campaignId)
      .where((either) => either.where('t.sent', '>', 0).orWhere('t.replies', '>', 0))
      .select('t.user_id', 't.sent', 't.replies', 'users.full_name'),
    db
      .from('report_reply_times')
      .where('campaign_id', campaignId)
      .where('replies', '>', 0)
      .select('user_id', 'bucket_seconds', 'replies'),
  ])
  return rows
    .map((row) => {
      const userId = Number(row.user_id)
      const buckets = times
        .filter((time) => Number(time.user_id) === userId)
        .map((time) => ({ seconds: Number(time.bucket_seconds), count: Number(time.replies) }))
      return {
        userId,
        name: (row.full_name as string | null) ?? 'Former member',
        sent: Number(row.sent),
        replies: Number(row.replies),
        medianReplySeconds: medianOfBuckets(buckets),
      }
    })
    .sort((a, b) => b.sent - a.sent || b.replies - a.replies || a.name.localeCompare(b.name))
}

async function activityOf(campaignId: number) {
  const rows = await summedCounters('report_activity', ['hour'])
    .where('campaign_id', campaignId)
    .orderBy('hour')
  return rows
    .map((row) => ({
      hour: `${row.hour}:00`,
      textsOut: Number(row.texts_out),
      textsIn: Number(row.texts_in),
      segments: Number(row.segments),
    }))
    .filter((point) => point.textsOut || point.textsIn)
}

/** Clicks, unique clickers and their share of the delivered texts (click-through rate). */
function withClicks<T extends { delivered: number }>(
  figures: T,
  { clicks, uniqueClickers }: { clicks: number; uniqueClickers: number }
) {
  return { ...figures, clicks, uniqueClickers, clickRate: rate(uniqueClickers, figures.delivered) }
}

export async function campaignStats(campaign: Campaign) {
  const tracked = Boolean(campaign.trackLinks)
  const [row, price, variantRows, survey, texterRows, activity, stepRows, clicks, texterDelivered] =
    await Promise.all([
      counters(campaign.id),
      pricePerSegment(campaign.organizationId),
      variantsOf(campaign.id),
      surveyOf(campaign.id),
      textersOf(campaign.id),
      activityOf(campaign.id),
      followUpStats(campaign.id),
      clickStats(campaign.id),
      tracked ? deliveredByTexter(campaign.id) : new Map<number, number>(),
    ])
  const variants = variantRows.map((variant) =>
    withClicks(variant, clicksOf(clicks.variants, variant.id))
  )
  const followUps = stepRows.map((step) => withClicks(step, clicksOf(clicks.steps, step.stepId)))
  const texters = texterRows.map((texter) =>
    withClicks(
      { ...texter, delivered: texterDelivered.get(texter.userId) ?? 0 },
      clicksOf(clicks.texters, texter.userId)
    )
  )
  const count = (column: string) => Number(row[column] ?? 0)
  const delivered = count('delivery_delivered')
  const failed = count('delivery_failed')
  const sent = firstTextsSent(count)
  const replied = count('replied')
  const optedOut = count('status_opted_out')
  const segmentsSent = count('segments_sent')
  const significance = compareRates(
    variants.map((variant) => ({ successes: variant.replied, trials: variant.sent }))
  )
  const leader = [...variants].sort((a, b) => b.responseRate - a.responseRate)[0]

  return {
    campaignId: campaign.id,
    targeted: count('targeted'),
    queued: count('delivery_queued'),
    sent,
    delivered,
    failed,
    replied,
    optedOut,
    responseRate: rate(replied, sent),
    optOutRate: rate(optedOut, sent),
    deliveryRate: rate(delivered, sent),
    trackLinks: tracked,
    clicks: clicks.campaign.clicks,
    uniqueClickers: clicks.campaign.uniqueClickers,
    clickRate: rate(clicks.campaign.uniqueClickers, delivered),
    segmentsSent,
    pricePerSegment: price,
    estimatedCost: money(segmentsSent * price),
    textsOut: count('texts_out'),
    textsIn: count('texts_in'),
    failedByReason: pick(REASONS, row),
    statuses: pick(STATUSES, row),
    sentiment: {
      positive: count('sentiment_positive'),
      neutral: count('sentiment_neutral'),
      negative: count('sentiment_negative'),
    },
    variants,
    variantComparison: {
      ...significance,
      leaderId: significance.significant && leader ? leader.id : null,
    },
    survey,
    texters,
    activity,
    followUps,
  }
}

export type CampaignStats = Awaited<ReturnType<typeof campaignStats>>
