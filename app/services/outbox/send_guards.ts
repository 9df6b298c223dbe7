import db from '@adonisjs/lucid/services/db'
import type { ClaimedMessage } from '#services/outbox/claims'
import type { MessagePurpose } from '#models/message'
import type { CampaignContactFailureReason } from '#models/campaign_contact'
import type { CampaignStatus } from '#models/campaign'
import Campaign from '#models/campaign'
import Contact from '#models/contact'
import Organization from '#models/organization'
import { textingWindow } from '#services/texting_hours/index'
import { textingHoursInEnglish } from '#services/texting_hours/wording'
import { stateRulesFor, type StateRules } from '#services/texting_hours/rules'
import { autoAnswersInGrace } from '#services/auto_answers/timing'

/**
 * Automatic replies to the person's own message (the single opt-out
 * confirmation, the HELP answer) go out even though the phone is opted out.
 */
export const REPLIES_TO_OPTED_OUT: MessagePurpose[] = ['opt_out_confirmation', 'help_reply']

/**
 * Why a queued text must not go out now: it must never go (`fail`, and why
 * its campaign contact's first text failed, for the report), or not before
 * `until` (`hold`: it goes back to the queue, due then).
 */
export type Refusal =
  | { outcome: 'fail'; code: string; message: string; reason: CampaignContactFailureReason }
  | { outcome: 'hold'; code: string; message: string; until: Date }

/**
 * A last check the dispatcher runs on each claimed batch just before the
 * provider call, at `now` (the dispatcher's clock); it answers, per message
 * id, why a message must not go.
 */
export type SendGuard = (messages: ClaimedMessage[], now: Date) => Promise<Map<number, Refusal>>

/** What a text held for the recipient's texting hours carries as its error code meanwhile. */
export const WAITING_FOR_TEXTING_HOURS = 'waiting_for_texting_hours'

/** A campaign in one of these is over: texts it held for texting hours are not sent any more. */
const ENDED: CampaignStatus[] = ['completed', 'archived']

/**
 * The phone opted out after the text was queued.
 */
const optOutGuard: SendGuard = async (messages) => {
  const refusals = new Map<number, Refusal>()
  const checked = messages.filter((message) => !REPLIES_TO_OPTED_OUT.includes(message.purpose!))
  if (!checked.length) return refusals

  const optedOut = await db
    .from('opt_outs')
    .whereIn('phone', [...new Set(checked.map((message) => message.to))])
    .select('organization_id', 'phone')
  const keys = new Set(optedOut.map((row) => `${row.organization_id}:${row.phone}`))
  for (const message of checked) {
    if (keys.has(`${message.organizationId}:${message.to}`)) {
      refusals.set(message.id, {
        outcome: 'fail',
        code: 'opted_out',
        message: `${message.to} opted out before this text was sent`,
        reason: 'opted_out',
      })
    }
  }
  return refusals
}

/**
 * A campaign text queued inside the recipient's texting window but not handed
 * to the provider before the window closed is not sent late (the same service
 * the send screen uses decides, in the recipient's local time): it waits in
 * the queue for the recipient's next window. It fails instead when the
 * campaign has ended (completed or archived) — also if that happens while it
 * waits — or when the rules leave this recipient no window at all.
 */
const textingHoursGuard: SendGuard = async (messages, now) => {
  const refusals = new Map<number, Refusal>()
  const checked = messages.filter(
    (message) =>
      message.campaignId && message.contactId && !REPLIES_TO_OPTED_OUT.includes(message.purpose!)
  )
  if (!checked.length) return refusals

  const unique = (ids: (number | null)[]) => [
    ...new Set(ids.filter((id): id is number => id !== null)),
  ]
  const [campaigns, contacts, organizations] = await Promise.all([
    Campaign.query().whereIn('id', unique(checked.map((m) => m.campaignId))),
    Contact.query().whereIn('id', unique(checked.map((m) => m.contactId))),
    Organization.query().whereIn('id', unique(checked.map((m) => m.organizationId))),
  ])
  const autoAnswers = await autoAnswersInGrace(
    checked.filter((m) => m.purpose === 'auto_answer').map((m) => m.id),
    now
  )
  const rules = new Map<number, StateRules>()
  for (const organization of organizations)
    rules.set(organization.id, await stateRulesFor(organization.id))

  for (const message of checked) {
    const campaign = campaigns.find((c) => c.id === message.campaignId)
    const contact = contacts.find((c) => c.id === message.contactId)
    const organization = organizations.find((o) => o.id === message.organizationId)
    if (!campaign || !contact || !organization) continue
    const window = textingWindow({
      contact,
      organization,
      campaignHours: campaign.textingHours,
      stateRules: rules.get(organization.id),
      now,
    })
    const ended = ENDED.includes(campaign.status)
    const waited = message.errorCode === WAITING_FOR_TEXTING_HOURS
    if (window.allowed && !(ended && waited)) continue
    // An automatic answer may go outside the hours within ten minutes of the text it answers, never later.
    const inGrace = autoAnswers.get(message.id)
    if (inGrace !== undefined) {
      if (!inGrace) refusals.set(message.id, lateAutoAnswer)
      continue
    }

    if (ended) {
      refusals.set(message.id, {
        outcome: 'fail',
        code: 'campaign_ended',
        message: `The campaign was ${campaign.status} before the recipient’s texting hours opened`,
        reason: 'texting_hours',
      })
    } else if (window.opensAt) {
      refusals.set(message.id, {
        outcome: 'hold',
        code: WAITING_FOR_TEXTING_HOURS,
        message: `Waiting for the recipient’s texting hours: it goes out when they open (${window.opensAt.toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
        until: window.opensAt,
      })
    } else {
      refusals.set(message.id, {
        outcome: 'fail',
        code: 'outside_texting_hours',
        message: window.reason
          ? textingHoursInEnglish(window.reason)
          : 'The texting hours leave this recipient no time at all',
        reason: 'texting_hours',
      })
    }
  }
  return refusals
}

const lateAutoAnswer: Refusal = {
  outcome: 'fail',
  code: 'outside_texting_hours',
  message: 'Outside texting hours, and more than ten minutes after the text it answered',
  reason: 'texting_hours',
}

export const sendGuards: SendGuard[] = [optOutGuard, textingHoursGuard]

/** Every guard's refusals for a batch at `now` (the first reason wins). */
export async function refusalsFor(messages: ClaimedMessage[], now: Date) {
  const all = new Map<number, Refusal>()
  for (const guard of sendGuards) {
    for (const [id, refusal] of await guard(messages, now)) if (!all.has(id)) all.set(id, refusal)
  }
  return all
}
