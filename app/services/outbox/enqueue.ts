import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import Message, { type MessagePurpose } from '#models/message'
import OptOut from '#models/opt_out'
import OptedOutException from '#exceptions/opted_out_exception'
import { smsEncoding } from '#sms/encoding'
import { isUniqueViolation } from '#services/db/unique_violation'
import dispatcher from '#services/outbox/dispatcher'
import { REPLIES_TO_OPTED_OUT } from '#services/outbox/send_guards'

export type QueueParams = {
  organizationId: number
  providerAccountId: number
  from: string
  to: string
  body: string
  media?: string[]
  contactId?: number | null
  campaignId?: number | null
  campaignContactId?: number | null
  sentById?: number | null
  purpose?: MessagePurpose | null
  /** The same key twice queues one message (a double click, a retried request). */
  idempotencyKey?: string | null
  /** Set when the caller's transaction has already made sure the phone is not opted out. */
  optOutChecked?: boolean
}

/** A message row's encoding and segment count (at least one: empty texts still cost one). */
export function encodingFields(body: string) {
  const { encoding, segments } = smsEncoding(body)
  return { encoding, segments: Math.max(segments, 1) }
}

export async function isOptedOut(
  organizationId: number,
  phone: string,
  client?: TransactionClientContract
) {
  const row = await OptOut.forOrganization(organizationId)
    .where('phone', phone)
    .if(client, (query) => query.useTransaction(client!))
    .select('id')
    .first()
  return Boolean(row)
}

/**
 * Puts an outbound text in the outbox for the dispatcher. Refuses a phone on
 * the opt-out list (E_OPTED_OUT). With an idempotency key already used, the
 * message queued the first time comes back instead of a second one.
 */
export async function queueMessage(params: QueueParams, trx?: TransactionClientContract) {
  const client = trx ?? db.connection()
  const purpose = params.purpose ?? null
  if (!params.optOutChecked && !REPLIES_TO_OPTED_OUT.includes(purpose!)) {
    if (await isOptedOut(params.organizationId, params.to, trx)) {
      throw new OptedOutException(params.to)
    }
  }

  try {
    const message = await Message.create(
      {
        ...encodingFields(params.body),
        organizationId: params.organizationId,
        providerAccountId: params.providerAccountId,
        contactId: params.contactId ?? null,
        campaignId: params.campaignId ?? null,
        campaignContactId: params.campaignContactId ?? null,
        direction: 'outbound',
        body: params.body,
        media: params.media ?? [],
        from: params.from,
        to: params.to,
        status: 'queued',
        attempts: 0,
        sentById: params.sentById ?? null,
        purpose,
        idempotencyKey: params.idempotencyKey ?? null,
      },
      { client }
    )
    if (trx) trx.after('commit', () => dispatcher.wake())
    else dispatcher.wake()
    return message
  } catch (error) {
    if (!params.idempotencyKey || !isUniqueViolation(error)) throw error
    return Message.query({ client })
      .where('idempotency_key', params.idempotencyKey)
      .where('organization_id', params.organizationId)
      .firstOrFail()
  }
}
