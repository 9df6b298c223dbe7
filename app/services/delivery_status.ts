import db from '@adonisjs/lucid/services/db'
import type ProviderAccount from '#models/provider_account'
import type { MessageStatus } from '#models/message'
import type { StatusEvent } from '#sms/types'
import { learnFromRecipientFailure } from '#services/recipient_failures'
import { pushToOrganization } from '#services/realtime'
import { sqlNow } from '#services/sql_time'

/**
 * How far along a message is. A status only ever moves a message forward:
 * queued < sending < sent < delivered, and delivered / undelivered / failed
 * are final — a late "sent" never overwrites "delivered", a "delivered"
 * never revives a failure. "review" is a sending row whose fate we lost.
 */
const RANK: Partial<Record<MessageStatus, number>> = {
  queued: 0,
  sending: 1,
  review: 1,
  sent: 2,
  delivered: 3,
  undelivered: 3,
  failed: 3,
}

function statusesBefore(status: MessageStatus) {
  const rank = RANK[status] ?? 0
  return (Object.keys(RANK) as MessageStatus[]).filter((other) => RANK[other]! < rank)
}

/**
 * Applies a provider's status report to the message it names. Returns false
 * when no such message is recorded yet (the report outran our own record of
 * the send; the caller tries again later), true otherwise — including for a
 * stale report that was rightly ignored.
 */
export async function applyStatus(
  account: ProviderAccount,
  event: StatusEvent,
  webhookEventId: number
) {
  let pushed: { id: number; status: MessageStatus; errorCode: string | null } | null = null

  const found = await db.transaction(async (trx) => {
    const message = await trx
      .from('messages')
      .where('provider_account_id', account.id)
      .where('provider_message_id', event.providerMessageId)
      .select('id', 'organization_id', 'contact_id', 'to_phone', 'status')
      .first()
    if (!message) return false

    const status = event.status as MessageStatus
    const changes: Record<string, unknown> = { status, updated_at: sqlNow() }
    if (status === 'delivered') changes.delivered_at = sqlNow()
    if (event.error) {
      changes.error_code = event.error.code.slice(0, 40)
      changes.error_class = event.error.errorClass
      changes.error_message = event.error.message.slice(0, 255)
    }
    const updated = await trx
      .from('messages')
      .where('id', message.id)
      .whereIn('status', statusesBefore(status))
      .update(changes)

    if (updated && event.error?.errorClass === 'recipient') {
      await learnFromRecipientFailure(
        {
          id: message.id,
          organizationId: message.organization_id,
          contactId: message.contact_id,
          to: message.to_phone,
        },
        event.error,
        trx
      )
    }
    if (updated) pushed = { id: message.id, status, errorCode: event.error?.code ?? null }
    await trx
      .from('webhook_events')
      .where('id', webhookEventId)
      .update({ status: 'processed', processed_at: sqlNow(), error: null, updated_at: sqlNow() })
    return true
  })

  if (pushed)
    pushToOrganization(account.organizationId, { type: 'message.status', message: pushed })
  return found
}
