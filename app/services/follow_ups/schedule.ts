import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { clock } from '#services/clock'
import { sqlTime } from '#services/db/sql_time'
import type { TextingCampaign } from '#services/texting/campaign_context'

const HOUR_MS = 3_600_000

/**
 * Puts the contact in the follow-up queue for the step after `position` (0:
 * the first text), due `afterHours` from now, in the same transaction that
 * queued the previous text. The due time lives in the database, so it
 * survives restarts; the unique (contact, step) pair makes a repeat harmless.
 */
export async function scheduleNextFollowUp(
  trx: TransactionClientContract,
  campaign: TextingCampaign,
  campaignContactId: number,
  position: number
) {
  const step = campaign.followUps.find((followUp) => followUp.position === position + 1)
  if (!step) return
  const now = clock.now()
  await trx
    .table('follow_ups')
    .insert({
      organization_id: campaign.organizationId,
      campaign_id: campaign.id,
      campaign_contact_id: campaignContactId,
      step_id: step.id,
      status: 'pending',
      due_at: sqlTime(new Date(now.getTime() + step.afterHours * HOUR_MS)),
      created_at: sqlTime(now),
      updated_at: sqlTime(now),
    })
    .onConflict(['campaign_contact_id', 'step_id'])
    .ignore()
}
