import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type ProviderAccount from '#models/provider_account'
import type { MessageStatus } from '#models/message'
import type { StatusEvent } from '#sms/types'
import { learnFromRecipientFailure } from '#services/outbox/recipient_failures'
import { recordFirstTextDelivery } from '#services/outbox/first_text_delivery'
import type { MessageUpdate } from '#services/realtime/updates'
import { sqlNow } from '#services/db/sql_time'
import { recordMessageStatus } from '#services/outbound_webhooks/message_status'

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
 * Applies a provider's status report to the message it names, in the
 * caller's transaction. Answers null when no such message is recorded yet
 * (the report outran our own record of the send; the caller tries again
 * later), else the live updates to push once committed — none for a stale
 * report that was rightly ignored.
 */
export async function applyStatus(
  account: ProviderAccount,
  event: StatusEvent,
  trx: TransactionClientContract
): Promise<MessageUpdate[] | null> {
  const message = await trx
    .from('messages')
    .where('provider_account_id', account.id)
    .where('provider_message_id', event.providerMessageId)
    .select('id', 'organization_id', 'contact_id', 'campaign_id', 'to_phone')
    .first()
  if (!message) return null

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
  if (!updated) return []
  await recordFirstTextDelivery(trx, message.id, status, event.error)
  await recordMessageStatus(
    trx,
    {
      id: message.id,
      organizationId: message.organization_id,
      contactId: message.contact_id,
      campaignId: message.campaign_id,
      to: message.to_phone,
    },
    status,
    event.error
  )

  if (event.error?.errorClass === 'recipient') {
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
  return [
    {
      type: 'message.status',
      message: { id: message.id, status, errorCode: event.error?.code ?? null },
    },
  ]
}
