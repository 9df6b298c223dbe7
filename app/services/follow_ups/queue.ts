import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import { sqlTime } from '#services/db/sql_time'
import { pickVariant } from '#services/campaigns/variants'
import type { TextingFollowUp } from '#services/texting/campaign_context'
import type { SendingContext, Texter } from '#services/texting/sending_context'
import { contactRows, type SendableRow } from '#services/texting/sendable_rows'
import { renderForContact } from '#services/texting/initial_message'

/** A campaign contact with one of its follow-ups: which step, and where it stands. */
export type FollowUpRow = SendableRow & {
  follow_up_id: number
  step_id: number
  follow_up_status: 'pending' | 'sent' | 'dropped'
  due_at: unknown
  sent_by_id: number | null
  send_key: string | null
  message_id: number | null
  replied_at: unknown
}

const FOLLOW_UP_COLUMNS = [
  'f.id as follow_up_id',
  'f.step_id',
  'f.status as follow_up_status',
  'f.due_at',
  'f.sent_by_id',
  'f.send_key',
  'f.message_id',
  'cc.replied_at',
]

/** Conversations that take no more campaign texts: opted out, or the number failed. */
export const UNREACHABLE = ['opted_out', 'failed']

function followUpRows(client: QueryClientContract = db.connection()) {
  return contactRows(client)
    .join('follow_ups as f', 'f.campaign_contact_id', 'cc.id')
    .select(FOLLOW_UP_COLUMNS)
}

/**
 * The texter's follow-ups that are due now and still wanted: pending, past
 * their due time, the person not erased nor opted out, their number not
 * failed, and — for a no_reply
 * step — not replied. Texting hours are judged by the caller, row by row.
 */
export function dueFollowUps(context: SendingContext, userId: number) {
  const { campaign } = context
  const replyAllowed = campaign.followUps.filter((step) => step.when === 'always').map((s) => s.id)
  return followUpRows()
    .where('f.campaign_id', campaign.id)
    .where('f.status', 'pending')
    .where('f.due_at', '<=', sqlTime(context.now))
    .where('cc.assigned_user_id', userId)
    .whereNotIn('cc.status', UNREACHABLE)
    .whereNull('c.erased_at')
    .where((wanted) =>
      wanted
        .whereNull('cc.replied_at')
        .if(replyAllowed.length, (query) => query.orWhereIn('f.step_id', replyAllowed))
    )
    .whereNotExists((optedOut) =>
      optedOut
        .from('opt_outs as o')
        .where('o.organization_id', campaign.organizationId)
        .whereRaw('o.phone = c.phone')
    )
}

/**
 * Per campaign, how many of the texter's follow-ups are due and still wanted
 * (the send screen then leaves out those outside texting hours or opted out).
 */
export async function dueCounts(campaignIds: number[], userId: number, now: Date) {
  const rows = await db
    .from('follow_ups as f')
    .join('campaign_contacts as cc', 'cc.id', 'f.campaign_contact_id')
    .join('follow_up_steps as s', 's.id', 'f.step_id')
    .whereIn('f.campaign_id', campaignIds)
    .where('f.status', 'pending')
    .where('f.due_at', '<=', sqlTime(now))
    .where('cc.assigned_user_id', userId)
    .whereNotIn('cc.status', UNREACHABLE)
    .where((wanted) => wanted.whereNull('cc.replied_at').orWhere('s.send_when', 'always'))
    .groupBy('f.campaign_id')
    .select('f.campaign_id')
    .count('* as total')
  return new Map(rows.map((row) => [Number(row.campaign_id), Number(row.total)]))
}

/** One follow-up of the campaign, as the send screen asked for it; null when there is none. */
export async function findFollowUpRow(
  campaignId: number,
  campaignContactId: number,
  stepId: number,
  client?: QueryClientContract
): Promise<FollowUpRow | null> {
  const row = await followUpRows(client)
    .where('cc.id', campaignContactId)
    .where('cc.campaign_id', campaignId)
    .where('f.step_id', stepId)
    .first()
  return row ?? null
}

/** The step's text for this contact: its variant (by weight, stable per contact), fields filled. */
export function renderFollowUp(
  context: SendingContext,
  step: TextingFollowUp,
  row: SendableRow,
  texter: Texter
) {
  return renderForContact(context, followUpVariant(step, row).body, row, texter)
}

/** The library pictures the step's text carries for this contact: its variant's, in order. */
export function followUpPictures(context: SendingContext, step: TextingFollowUp, row: SendableRow) {
  const index = followUpVariant(step, row).id
  return context.campaign.followUpPictures.get(step.id)?.[index] ?? []
}

/** The step's variant for this contact (by weight, stable per contact), with its index as id. */
function followUpVariant(step: TextingFollowUp, row: SendableRow) {
  const variants = step.variants.map((variant, index) => ({ ...variant, id: index }))
  return pickVariant(step.id, row.contact_id, variants)
}
