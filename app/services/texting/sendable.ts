import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import type { OrganizationSettings } from '#models/organization'
import { renderScript } from '#services/scripts/merge_fields'
import {
  textingWindow,
  type TextingHoursContact,
  type TextingWindow,
} from '#services/texting_hours/index'
import type { StateRules } from '#services/texting_hours/rules'
import { heldContacts } from '#services/texting/assignment'
import {
  cachedStateRules,
  campaignZones,
  type TextingCampaign,
} from '#services/texting/campaign_context'

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

export type SendableRow = {
  id: number
  contact_id: number
  variant_id: number | null
  status: string
  assigned_user_id: number | null
  messaged_by_id: number | null
  initial_send_key: string | null
  phone: string
  first_name: string | null
  last_name: string | null
  zip: string | null
  state: string | null
  timezone: string | null
  timezone_candidates: string | null
  custom_fields: string | Record<string, string> | null
  erased_at: unknown
}

export const SENDABLE_COLUMNS = [
  'cc.id',
  'cc.contact_id',
  'cc.variant_id',
  'cc.status',
  'cc.assigned_user_id',
  'cc.messaged_by_id',
  'cc.initial_send_key',
  'c.phone',
  'c.first_name',
  'c.last_name',
  'c.zip',
  'c.state',
  'c.timezone',
  'c.timezone_candidates',
  'c.custom_fields',
  'c.erased_at',
]

/** A campaign contact joined to its contact; `cc` and `c` are the aliases. */
export function contactRows(client: QueryClientContract = db.connection()) {
  return client
    .from('campaign_contacts as cc')
    .join('contacts as c', 'c.id', 'cc.contact_id')
    .select(SENDABLE_COLUMNS)
}

export type Texter = { userId: number; fullName: string }

/** Everything that decides whether a contact may be texted now, read once per request. */
export type SendingContext = {
  campaign: TextingCampaign
  organization: {
    name: string
    settings: Pick<OrganizationSettings, 'textingHours' | 'stateRules'>
  }
  rules: StateRules
  now: Date
}

export async function sendingContext(
  campaign: TextingCampaign,
  organization: SendingContext['organization']
): Promise<SendingContext> {
  return {
    campaign,
    organization,
    rules: await cachedStateRules(campaign.organizationId),
    now: new Date(),
  }
}

/**
 * Texting windows judged this minute. Windows open and close on whole local
 * minutes, so within one minute the answer for the same rules and contact
 * kind (zone, candidate zones, state) stays the same; every send asks it for
 * a handful of kinds, and working it out is the costly part of a send.
 */
let judged = { minute: -1, windows: new Map<string, TextingWindow>() }
const rulesIds = new WeakMap<StateRules, number>()
let lastRulesId = 0

function rulesId(rules: StateRules) {
  let id = rulesIds.get(rules)
  if (id === undefined) rulesIds.set(rules, (id = ++lastRulesId))
  return id
}

/** `textingWindow` for this context's rules, remembered as above. */
export function windowJudge(context: SendingContext) {
  const minute = Math.floor(context.now.getTime() / 60_000)
  if (judged.minute !== minute || judged.windows.size > 10_000) {
    judged = { minute, windows: new Map() }
  }
  const { windows } = judged
  const { settings } = context.organization
  const rules = [
    JSON.stringify(settings.textingHours),
    settings.stateRules,
    JSON.stringify(context.campaign.textingHours),
    rulesId(context.rules),
  ].join('|')
  return (contact: TextingHoursContact) => {
    const key = `${rules}|${contact.timezone}|${contact.timezoneCandidates}|${contact.state}`
    let window = windows.get(key)
    if (!window) {
      window = textingWindow({
        contact,
        organization: context.organization,
        campaignHours: context.campaign.textingHours,
        stateRules: context.rules,
        now: context.now,
      })
      windows.set(key, window)
    }
    return window
  }
}

const hoursContact = (row: SendableRow): TextingHoursContact => ({
  timezone: row.timezone,
  timezoneCandidates: row.timezone_candidates,
  state: row.state,
})

export function windowOf(context: SendingContext, row: SendableRow) {
  return windowJudge(context)(hoursContact(row))
}

/**
 * The campaign's zones where no contact may be texted now, whatever their
 * state (state rules only narrow a window), so queries can leave them out.
 */
export async function closedZones(context: SendingContext) {
  const judge = windowJudge(context)
  const zones = await campaignZones(context.campaign.id)
  return zones.filter(
    (timezone) => !judge({ timezone, timezoneCandidates: null, state: null }).allowed
  )
}

/** The first message for this contact, as it will be sent. */
export function renderInitial(context: SendingContext, row: SendableRow, texter: Texter) {
  const { campaign } = context
  const template =
    (row.variant_id && campaign.variants.get(row.variant_id)) || campaign.firstVariant
  const customFields =
    typeof row.custom_fields === 'string' ? JSON.parse(row.custom_fields) : row.custom_fields
  return renderScript(template, {
    contact: {
      firstName: row.first_name,
      lastName: row.last_name,
      zip: row.zip,
      customFields,
    },
    texter,
    organization: context.organization,
  }).rendered
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
