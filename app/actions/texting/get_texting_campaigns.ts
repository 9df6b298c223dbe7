import db from '@adonisjs/lucid/services/db'
import Campaign from '#models/campaign'
import { clock } from '#services/clock'
import { dueCounts } from '#services/follow_ups/queue'

/**
 * The campaigns a texter may text in (the active ones), each with what the
 * texter holds: first texts still to send, follow-ups due, replies waiting
 * on them, and how many contacts are still free to claim.
 */
export default class GetTextingCampaigns {
  static async handle({ organizationId, userId }: { organizationId: number; userId: number }) {
    const campaigns = await Campaign.forOrganization(organizationId)
      .where('status', 'active')
      .orderBy('id', 'desc')
      .select('id', 'name')
    const ids = campaigns.map((campaign) => campaign.id)
    if (!ids.length) return []

    const [held, free, followUpsDue] = await Promise.all([
      db
        .from('campaign_contacts')
        .whereIn('campaign_id', ids)
        .where('assigned_user_id', userId)
        .whereIn('status', ['needs_message', 'needs_response'])
        .groupBy('campaign_id', 'status')
        .select('campaign_id', 'status')
        .count('* as total'),
      db
        .from('campaign_contacts')
        .whereIn('campaign_id', ids)
        .whereNull('assigned_user_id')
        .where('status', 'needs_message')
        .groupBy('campaign_id')
        .select('campaign_id')
        .count('* as total'),
      dueCounts(ids, userId, clock.now()),
    ])
    const countOf = (rows: typeof held, id: number, status?: string) =>
      Number(
        rows.find((row) => Number(row.campaign_id) === id && (!status || row.status === status))
          ?.total ?? 0
      )
    return campaigns.map(({ id, name }) => ({
      id,
      name,
      unsent: countOf(held, id, 'needs_message'),
      followUpsDue: followUpsDue.get(id) ?? 0,
      needsReply: countOf(held, id, 'needs_response'),
      available: countOf(free, id),
    }))
  }
}
