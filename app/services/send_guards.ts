import db from '@adonisjs/lucid/services/db'
import type { ClaimedMessage } from '#services/outbox_claims'
import type { MessagePurpose } from '#models/message'

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
 * Campaign texting hours join this list once campaigns exist: a text queued
 * inside the window but not handed over before it closes is not sent.
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

export const sendGuards: SendGuard[] = [optOutGuard]

/** Every guard's refusals for a batch (the first reason wins). */
export async function refusalsFor(messages: ClaimedMessage[]) {
  const all = new Map<number, Refusal>()
  for (const guard of sendGuards) {
    for (const [id, refusal] of await guard(messages)) if (!all.has(id)) all.set(id, refusal)
  }
  return all
}
