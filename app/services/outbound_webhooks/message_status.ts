import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { recordEvent } from '#services/outbound_webhooks/events'

export type StatusSubject = {
  id: number
  organizationId: number
  contactId: number | null
  campaignId: number | null
  to: string
}

/** The `message.status` event for an outbound text that was sent, delivered or failed. */
export function recordMessageStatus(
  trx: TransactionClientContract,
  message: StatusSubject,
  status: string,
  error?: { code: string; message: string } | null
) {
  return recordEvent(trx, {
    organizationId: message.organizationId,
    type: 'message.status',
    contactId: message.contactId,
    data: {
      message: { id: message.id, to: message.to, status },
      reason: error ? { code: error.code, message: error.message } : null,
      contact: message.contactId ? { id: message.contactId, phone: message.to } : null,
      campaignId: message.campaignId,
    },
  })
}
