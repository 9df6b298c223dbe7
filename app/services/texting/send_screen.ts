import db from '@adonisjs/lucid/services/db'
import { heldContacts } from '#services/texting/assignment'
import type { SendingContext, Texter } from '#services/texting/sending_context'
import { contactRows, type SendableRow } from '#services/texting/sendable_rows'
import { closedZones, hoursContact, windowJudge } from '#services/texting/sending_windows'
import { renderInitial } from '#services/texting/initial_message'

/**
 * Which of a texter's contacts can be texted right now, and the card the send
 * screen shows for each: name, local time and the first message rendered
 * exactly as it will be sent.
 */

export type Card = {
  campaignContactId: number
  firstName: string | null
  lastName: string | null
  localTime: string
  timezone: string | null
  body: string
}

function cardOf(context: SendingContext, row: SendableRow, texter: Texter, localTime: string) {
  return {
    campaignContactId: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    localTime,
    timezone: row.timezone ?? row.timezone_candidates?.split(',')[0] ?? null,
    body: renderInitial(context, row, texter),
  }
}

/** Rows read per query beyond the wanted count (some may wait on their state's hours). */
const SLACK = 4

/**
 * Up to `count` of the texter's unsent contacts that may be texted now, in
 * the order they were claimed. Zones that are closed are filtered in SQL,
 * opted-out phones too; state rules and uncertain zones are judged on the
 * rows read, page after page until enough are found. With none sendable,
 * `resumeAt` says when the first of them may be texted.
 */
export async function sendableCards(
  context: SendingContext,
  texter: Texter,
  count: number
): Promise<{ cards: Card[]; resumeAt: string | null }> {
  const closed = await closedZones(context)
  const judge = windowJudge(context)
  const cards: Card[] = []
  let after = 0
  while (cards.length < count) {
    const rows: SendableRow[] = await heldUnsent(context, texter.userId)
      .where('cc.id', '>', after)
      .if(closed.length, (query) =>
        query.where((zone) => zone.whereNull('c.timezone').orWhereNotIn('c.timezone', closed))
      )
      .whereNotExists((optedOut) =>
        optedOut
          .from('opt_outs as o')
          .where('o.organization_id', context.campaign.organizationId)
          .whereRaw('o.phone = c.phone')
      )
      .orderBy('cc.id')
      .limit(count + SLACK)
    for (const row of rows) {
      after = row.id
      const window = judge(hoursContact(row))
      if (window.allowed && cards.length < count) {
        cards.push(cardOf(context, row, texter, window.localTime))
      }
    }
    if (rows.length < count + SLACK) break
  }
  const resumeAt = cards.length || count === 0 ? null : await resumeTime(context, texter.userId)
  return { cards, resumeAt }
}

function heldUnsent(context: SendingContext, userId: number) {
  return contactRows()
    .where('cc.campaign_id', context.campaign.id)
    .where('cc.assigned_user_id', userId)
    .where('cc.status', 'needs_message')
    .whereNull('c.erased_at')
}

/** The earliest moment any of the texter's unsent contacts may be texted; null without any. */
async function resumeTime(context: SendingContext, userId: number) {
  const kinds = await db
    .from('campaign_contacts as cc')
    .join('contacts as c', 'c.id', 'cc.contact_id')
    .where('cc.campaign_id', context.campaign.id)
    .where('cc.assigned_user_id', userId)
    .where('cc.status', 'needs_message')
    .distinct('c.timezone', 'c.timezone_candidates', 'c.state')
  const judge = windowJudge(context)
  const opens = kinds
    .map(
      (kind) =>
        judge({
          timezone: kind.timezone,
          timezoneCandidates: kind.timezone_candidates,
          state: kind.state,
        }).opensAt?.getTime() ?? Number.POSITIVE_INFINITY
    )
    .filter(Number.isFinite)
  return opens.length ? new Date(Math.min(...opens)).toISOString() : null
}

/** The texter's own progress in the campaign: first texts sent, and still to send. */
export async function progressOf(campaignId: number, userId: number) {
  const { total, unsent } = await heldContacts(campaignId, userId)
  return { sent: total - unsent, remaining: unsent }
}

/** What the screen needs after any step: the next card and the progress count. */
export async function nextAndProgress(context: SendingContext, texter: Texter) {
  const [{ cards }, progress] = await Promise.all([
    sendableCards(context, texter, 1),
    progressOf(context.campaign.id, texter.userId),
  ])
  return { next: cards[0] ?? null, progress }
}
