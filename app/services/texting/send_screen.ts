import db from '@adonisjs/lucid/services/db'
import { heldContacts } from '#services/texting/assignment'
import type { SendingContext, Texter } from '#services/texting/sending_context'
import { contactRows, type SendableRow } from '#services/texting/sendable_rows'
import { closedZones, hoursContact, windowJudge } from '#services/texting/sending_windows'
import { initialPictures, renderInitial } from '#services/texting/initial_message'
import type MediaItem from '#models/media_item'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import {
  dueFollowUps,
  followUpPictures,
  renderFollowUp,
  type FollowUpRow,
} from '#services/follow_ups/queue'

/**
 * Which of a texter's contacts can be texted right now, and the card the send
 * screen shows for each: name, local time and the message (first text or
 * follow-up) rendered exactly as it will be sent.
 */

export type Card = {
  campaignContactId: number
  firstName: string | null
  lastName: string | null
  localTime: string
  timezone: string | null
  body: string
  /** The library pictures the text goes out with, in order (name and address to show them). */
  pictures: { name: string; url: string }[]
  /** Set on a follow-up's card: its step, and which of the campaign's steps it is. */
  followUp: { stepId: number; number: number; of: number } | null
}

function cardOf(row: SendableRow, localTime: string, body: string, pictures: MediaItem[]): Card {
  return {
    campaignContactId: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    localTime,
    timezone: row.timezone ?? row.timezone_candidates?.split(',')[0] ?? null,
    body,
    pictures: pictures.map((item) => ({ name: item.name, url: `/media/${item.id}/file` })),
    followUp: null,
  }
}

function followUpCard(context: SendingContext, row: FollowUpRow, texter: Texter, time: string) {
  const steps = context.campaign.followUps
  const step = steps.find((candidate) => candidate.id === row.step_id)!
  return {
    ...cardOf(
      row,
      time,
      renderFollowUp(context, step, row, texter),
      followUpPictures(context, step, row)
    ),
    followUp: { stepId: step.id, number: step.position, of: steps.length },
  }
}

/** Rows read per query beyond the wanted count (some may wait on their state's hours). */
const SLACK = 4

/**
 * Up to `count` cards from `rows` (ordered by `key`), page after page, for
 * the rows inside their texting window now. Closed zones are filtered in SQL
 * (opted-out phones by `rows`); state rules and uncertain zones are judged on the rows read.
 */
async function collect<Row extends SendableRow>(
  { closed, judge }: { closed: string[]; judge: ReturnType<typeof windowJudge> },
  count: number,
  rows: () => DatabaseQueryBuilderContract,
  key: string,
  keyOf: (row: Row) => number,
  toCard: (row: Row, localTime: string) => Card
): Promise<Card[]> {
  const cards: Card[] = []
  let after = 0
  const open = (query: DatabaseQueryBuilderContract) =>
    query.if(closed.length, (inner) =>
      inner.where((zone) => zone.whereNull('c.timezone').orWhereNotIn('c.timezone', closed))
    )
  while (cards.length < count) {
    const page = (await open(rows())
      .where(key, '>', after)
      .orderBy(key)
      .limit(count + SLACK)) as Row[]
    for (const row of page) {
      after = keyOf(row)
      const window = judge(hoursContact(row))
      if (window.allowed && cards.length < count) cards.push(toCard(row, window.localTime))
    }
    if (page.length < count + SLACK) break
  }
  return cards
}

/**
 * Up to `count` cards the texter can send now: their follow-ups that are due
 * first, then their unsent contacts in the order they were claimed.
 */
async function sendableCards(
  context: SendingContext,
  texter: Texter,
  count: number
): Promise<Card[]> {
  const windows = { closed: await closedZones(context), judge: windowJudge(context) }
  const followUps =
    context.campaign.status === 'active' && context.campaign.followUps.length && count
      ? await collect<FollowUpRow>(
          windows,
          count,
          () => dueFollowUps(context, texter.userId),
          'f.id',
          (row) => row.follow_up_id,
          (row, time) => followUpCard(context, row, texter, time)
        )
      : []
  const firsts = await collect<SendableRow>(
    windows,
    count - followUps.length,
    () =>
      heldUnsent(context, texter.userId).whereNotExists((optedOut) =>
        optedOut
          .from('opt_outs as o')
          .where('o.organization_id', context.campaign.organizationId)
          .whereRaw('o.phone = c.phone')
      ),
    'cc.id',
    (row) => row.id,
    (row, time) =>
      cardOf(row, time, renderInitial(context, row, texter), initialPictures(context, row))
  )
  return [...followUps, ...firsts]
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

/**
 * The send screen's cards (up to `count`) and the texter's progress. With no
 * card sendable while contacts are still held, `resumeAt` says when the first
 * of them may be texted (their texting hours open).
 */
export async function screenCards(context: SendingContext, texter: Texter, count: number) {
  const { cards, progress } = await cardsAndProgress(context, texter, count)
  const waiting = !cards.length && count > 0 && progress.remaining > 0
  const resumeAt = waiting ? await resumeTime(context, texter.userId) : null
  return { cards, progress, resumeAt }
}

/** What the screen needs after any step: the next card and the progress count. */
export async function nextAndProgress(context: SendingContext, texter: Texter) {
  const { cards, progress } = await cardsAndProgress(context, texter, 1)
  return { next: cards[0] ?? null, progress }
}

async function cardsAndProgress(context: SendingContext, texter: Texter, count: number) {
  const [cards, progress] = await Promise.all([
    sendableCards(context, texter, count),
    progressOf(context.campaign.id, texter.userId),
  ])
  return { cards, progress }
}
