import db from '@adonisjs/lucid/services/db'
import type Message from '#models/message'
import type { SendResult, SentMessage } from '#sms/types'
import { clientFor, findAccountCached } from '#services/provider_accounts/clients'
import { sqlNow } from '#services/db/sql_time'

/**
 * Texts whose send was interrupted: the process died between calling the
 * provider and recording its answer, so the provider may have the text or
 * not. They are never sent again blindly. The provider is asked — by its
 * message id when we have it (`fetchStatus`), else by looking for the text
 * among those it accepted for the recipient since the claim (`lookupSent`)
 * — and what it says decides: the text was sent (record it), it was not
 * (sending it again is safe), or nobody can tell (it may already have been
 * delivered).
 */
export type Finding =
  | { outcome: 'sent'; result: SendResult }
  | { outcome: 'not_sent' }
  | { outcome: 'unconfirmed'; why: string }

/** The error code a text parked for review carries: what the provider said about it. */
export const REVIEW_CODES = {
  not_sent: 'interrupted_not_sent',
  unconfirmed: 'interrupted_unconfirmed',
} as const

/** How long before the claim a matching text may have been accepted (clocks differ). */
const CLOCK_SLACK_MS = 2 * 60_000

const sameText = (a: string, b: string) => a.normalize().trim() === b.normalize().trim()

/** Texts the provider reports that are not already recorded on another of our messages. */
async function notRecordedElsewhere(message: Message, found: SentMessage[]) {
  if (!found.length) return found
  const recorded = await db
    .from('messages')
    .where('provider_account_id', message.providerAccountId!)
    .whereIn(
      'provider_message_id',
      found.map((text) => text.providerMessageId)
    )
    .whereNot('id', message.id)
    .select('provider_message_id')
  const taken = new Set(recorded.map((row) => row.provider_message_id as string))
  return found.filter((text) => !taken.has(text.providerMessageId))
}

/**
 * What the provider says about an interrupted text. A text the provider
 * accepted for the same recipient since the claim, with the same words (or
 * words it does not report) and recorded on none of our other messages, is
 * this one; other texts there make the answer uncertain; none means it was
 * not sent.
 */
export async function askProviderAbout(message: Message): Promise<Finding> {
  const account = message.providerAccountId
    ? await findAccountCached(message.providerAccountId)
    : null
  if (!account) return { outcome: 'unconfirmed', why: 'its provider account no longer exists' }
  const client = await clientFor(account)
  try {
    if (message.providerMessageId && client.fetchStatus) {
      const status = await client.fetchStatus(message.providerMessageId)
      if (status) {
        return {
          outcome: 'sent',
          result: { providerMessageId: message.providerMessageId, status },
        }
      }
    }
    if (!client.lookupSent) {
      return { outcome: 'unconfirmed', why: 'this provider cannot be asked which texts it sent' }
    }
    const claimed = (message.claimedAt ?? message.createdAt).toJSDate()
    const found = await client.lookupSent({
      to: message.to,
      from: message.from || undefined,
      since: new Date(claimed.getTime() - CLOCK_SLACK_MS),
    })
    const candidates = await notRecordedElsewhere(message, found)
    if (!candidates.length) return { outcome: 'not_sent' }
    const same = candidates.find(
      (text) => text.body === undefined || sameText(text.body, message.body)
    )
    if (same) {
      return {
        outcome: 'sent',
        result: { providerMessageId: same.providerMessageId, status: same.status },
      }
    }
    return {
      outcome: 'unconfirmed',
      why: 'the provider sent this number a text Porchlight did not record around then',
    }
  } catch (error) {
    const { message: reason } = client.classifyError(error)
    return { outcome: 'unconfirmed', why: `the provider could not be asked (${reason})` }
  }
}

/**
 * Parks a text still claimed by `claimedBy` for an admin's decision, saying
 * what the provider said: Send again is safe (`not_sent`), or the person may
 * already have it (`unconfirmed`).
 */
export async function parkForReview(
  message: Message,
  finding: Exclude<Finding, { outcome: 'sent' }>,
  claimedBy: string | null
) {
  const said =
    finding.outcome === 'not_sent'
      ? 'Sending was interrupted; the provider has no record of this text, so sending it again is safe'
      : `Sending was interrupted and it may already have been delivered: ${finding.why}`
  await db
    .from('messages')
    .where('id', message.id)
    .where('status', 'sending')
    .where((claim) =>
      claimedBy === null ? claim.whereNull('claimed_by') : claim.where('claimed_by', claimedBy)
    )
    .update({
      status: 'review',
      error_code: REVIEW_CODES[finding.outcome],
      error_class: null,
      error_message: said.slice(0, 255),
      updated_at: sqlNow(),
    })
}
