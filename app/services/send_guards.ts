import db from '@adonisjs/lucid/services/db'
import type { ClaimedMessage } from '#services/outbox_claims'
import type { MessagePurpose } from '#models/message'
import Campaign from '#models/campaign'
import Contact from '#models/contact'
import Organization from '#models/organization'
import { textingWindow } from '#services/texting_hours/index'
import { stateRulesFor, type StateRules } from '#services/texting_hours/rules'

/**
 * Automatic replies to the person's own message (the single opt-out
 * confirmation, the HELP answer) go out even though the phone is opted out.
 */
export const REPLIES_TO_OPTED_OUT: MessagePurpose[] = ['opt_out_confirmation', 'help_reply']

/** Why a queued text must not go out after all. */
export type Refusal = { code: string; message: string }

/**
 * A last check the dispatcher runs on each claimed batch just before the
 * provider call; it answers, per message id, why a message must not go.
 */
export type SendGuard = (messages: ClaimedMessage[]) => Promise<Map<number, Refusal>>

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
        code: 'opted_out',
        message: `${message.to} opted out before this text was sent`,
      })
    }
  }
  return refusals
}

/**
 * A campaign text queued inside the recipient's texting window but not handed
 * to the provider before the window closed is not sent (the same service the
 * send screen uses decides, in the recipient's local time).
 */
const textingHoursGuard: SendGuard = async (messages) => {
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
  const rules = new Map<number, StateRules>()
  for (const organization of organizations)
    rules.set(organization.id, await stateRulesFor(organization.id))

  const now = new Date()
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
    if (!window.allowed) {
      refusals.set(message.id, {
        code: 'outside_texting_hours',
        message: window.reason ?? 'Outside the recipient’s texting hours',
      })
    }
  }
  return refusals
}

export const sendGuards: SendGuard[] = [optOutGuard, textingHoursGuard]

/** Every guard's refusals for a batch (the first reason wins). */
export async function refusalsFor(messages: ClaimedMessage[]) {
  const all = new Map<number, Refusal>()
  for (const guard of sendGuards) {
    for (const [id, refusal] of await guard(messages)) if (!all.has(id)) all.set(id, refusal)
  }
  return all
}
