import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { summedCounters } from '#services/reports/counter_rows'
import { firstTextsSent, pricePerSegment, rate, money } from '#services/reports/campaign_stats'

/**
 * The organization's campaigns side by side, with texts and opt-outs per day
 * (the last 30 days) and spend per month (the last 12), all from the
 * reporting counters and indexed ranges — never from the messages.
 */
const DAYS = 30
const MONTHS = 12
const CAMPAIGNS = 50

/** Every day (or month) of the period, oldest first, as "YYYY-MM-DD" (or "YYYY-MM"). */
function period(unit: 'day' | 'month', count: number) {
  const today = DateTime.now()
  return Array.from({ length: count }, (_, index) =>
    today.minus({ [unit]: count - 1 - index }).toFormat(unit === 'day' ? 'yyyy-MM-dd' : 'yyyy-MM')
  )
}

async function campaignsOf(organizationId: number, price: number) {
  const rows = await db
    .from('campaigns as c')
    .where('c.organization_id', organizationId)
    .whereNotNull('c.launched_at')
    .orderBy('c.launched_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(CAMPAIGNS)
    .select('c.id', 'c.name', 'c.status')
  const counters = rows.length
    ? await summedCounters('report_campaign_counters', ['campaign_id']).whereIn(
        'campaign_id',
        rows.map((row) => row.id)
      )
    : []
  const byCampaign = new Map(counters.map((row) => [Number(row.campaign_id), row]))
  return rows.map((row) => {
    const counts = byCampaign.get(Number(row.id)) ?? {}
    const count = (column: string) => Number(counts[column] ?? 0)
    const sent = firstTextsSent(count)
    return {
      id: row.id as number,
      name: row.name as string,
      status: row.status as string,
      targeted: count('targeted'),
      sent,
      delivered: count('delivery_delivered'),
      replied: count('replied'),
      optedOut: count('status_opted_out'),
      deliveryRate: rate(count('delivery_delivered'), sent),
      responseRate: rate(count('replied'), sent),
      optOutRate: rate(count('status_opted_out'), sent),
      segmentsSent: count('segments_sent'),
      estimatedCost: money(count('segments_sent') * price),
    }
  })
}

/** The organization's hourly campaign activity since `since` ("YYYY-MM-DD"), summed by `length` characters of the hour. */
async function activitySince(organizationId: number, since: string, length: 7 | 10) {
  const bucket = `SUBSTR(a.hour, 1, ${length})`
  return db
    .from('report_activity as a')
    .join('campaigns as c', 'c.id', 'a.campaign_id')
    .where('c.organization_id', organizationId)
    .where('a.hour', '>=', since)
    .groupByRaw(bucket)
    .select(db.raw(`${bucket} as bucket`))
    .sum('a.texts_out as texts_out')
    .sum('a.texts_in as texts_in')
    .sum('a.segments as segments')
}

export async function organizationOverview(organizationId: number) {
  const price = await pricePerSegment(organizationId)
  const days = period('day', DAYS)
  const months = period('month', MONTHS)
  const [campaigns, daily, monthly, optOuts] = await Promise.all([
    campaignsOf(organizationId, price),
    activitySince(organizationId, days[0], 10),
    activitySince(organizationId, `${months[0]}-01`, 7),
    db
      .from('opt_outs')
      .where('organization_id', organizationId)
      .where('created_at', '>=', `${days[0]} 00:00:00`)
      .groupByRaw('SUBSTR(created_at, 1, 10)')
      .select(db.raw('SUBSTR(created_at, 1, 10) as bucket'))
      .count('* as total'),
  ])
  const find = (rows: Record<string, unknown>[], key: string) =>
    rows.find((row) => row.bucket === key) ?? {}
  return {
    campaigns,
    pricePerSegment: price,
    days: days.map((day) => {
      const texts = find(daily, day)
      return {
        day,
        textsOut: Number(texts.texts_out ?? 0),
        textsIn: Number(texts.texts_in ?? 0),
        optOuts: Number(find(optOuts, day).total ?? 0),
      }
    }),
    months: months.map((month) => {
      const segments = Number(find(monthly, month).segments ?? 0)
      return { month, segments, spend: money(segments * price) }
    }),
  }
}

export type OrganizationOverview = Awaited<ReturnType<typeof organizationOverview>>
