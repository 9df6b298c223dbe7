import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Campaign, { type CampaignStatus } from '#models/campaign'
import type Membership from '#models/membership'
import { audit } from '#services/audit'
import { sqlTime } from '#services/db/sql_time'
import { recordEvent } from '#services/outbound_webhooks/events'
import { refusedField } from '#exceptions/worded_issues'

export type StatusChange = 'pause' | 'resume' | 'complete' | 'archive'

/** For each change: the statuses it starts from and the one it leads to. */
const TRANSITIONS: Record<StatusChange, { from: CampaignStatus[]; to: CampaignStatus }> = {
  pause: { from: ['active'], to: 'paused' },
  resume: { from: ['paused'], to: 'active' },
  complete: { from: ['active', 'paused'], to: 'completed' },
  archive: { from: ['draft', 'completed'], to: 'archived' },
}

/**
 * Pauses, resumes, completes or archives a campaign. The change is one
 * conditional UPDATE, so two people pressing different buttons at once get
 * one winner and one clear refusal. Asking for the status it already has is
 * answered as done.
 */
export default class ChangeCampaignStatus {
  static async handle({
    actor,
    campaign,
    change,
  }: {
    actor: Membership
    campaign: Campaign
    change: StatusChange
  }) {
    const { from, to } = TRANSITIONS[change]
    if (campaign.status === to) return campaign
    const now = DateTime.now()
    const stamps = {
      ...(to === 'completed' ? { completed_at: sqlTime(now) } : {}),
      ...(to === 'archived' ? { archived_at: sqlTime(now) } : {}),
    }
    const changed = await db.transaction(async (trx) => {
      const result = await Campaign.query({ client: trx })
        .where('id', campaign.id)
        .whereIn('status', from)
        .update({ status: to, updated_at: sqlTime(now), ...stamps })
      const won = Number(Array.isArray(result) ? result[0] : result)
      if (won && to === 'completed') {
        await recordEvent(trx, {
          organizationId: campaign.organizationId,
          type: 'campaign.completed',
          data: { campaign: { id: campaign.id, name: campaign.name, status: to } },
        })
      }
      return won
    })
    const fresh = await Campaign.findOrFail(campaign.id)
    if (!changed && fresh.status !== to) {
      throw refusedField('status', 'status', 'refusals.fields.statusCannotChange', {
        status: fresh.status,
        change,
      })
    }
    await audit({
      organizationId: campaign.organizationId,
      userId: actor.userId,
      action: `campaign.${PAST[change]}`,
      subject: { type: 'campaign', id: campaign.id },
    })
    return fresh
  }
}

const PAST: Record<StatusChange, string> = {
  pause: 'paused',
  resume: 'resumed',
  complete: 'completed',
  archive: 'archived',
}
