import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import OptOut from '#models/opt_out'
import { audit } from '#services/audit'
import { contactIdOfPhone, recordEvent } from '#services/outbound_webhooks/events'

export type LiftOptOutParams = {
  organizationId: number
  /** E.164. */
  phone: string
  /** How the person opted back in: "keyword" (START / UNSTOP / YES), "admin", "api". */
  source: 'keyword' | 'admin' | 'api'
  /** Why, as the admin who lifted it wrote it (kept in the audit trail). */
  reason?: string | null
  /** The inbound message that asked for it, when there is one. */
  messageId?: number | null
  actorId?: number | null
}

/**
 * Takes a phone off the organization's opt-out list because the person opted
 * back in. The audit trail keeps what the removed record said, so the history
 * of consent survives the row. Returns false when the phone was not opted out.
 */
export async function liftOptOut(params: LiftOptOutParams, trx: TransactionClientContract) {
  const optOut = await OptOut.forOrganization(params.organizationId)
    .where('phone', params.phone)
    .useTransaction(trx)
    .first()
  if (!optOut) return false

  await optOut.useTransaction(trx).delete()
  await audit(
    {
      organizationId: params.organizationId,
      userId: params.actorId ?? null,
      action: 'opt_out.lifted',
      subject: { type: 'opt_out', id: optOut.id },
      details: {
        phone: optOut.phone,
        source: params.source,
        reason: params.reason ?? null,
        messageId: params.messageId ?? null,
        optedOutAt: optOut.createdAt.toUTC().toISO(),
        optedOutSource: optOut.source,
        optedOutReason: optOut.reason,
      },
    },
    trx
  )
  const contactId = await contactIdOfPhone(trx, params.organizationId, optOut.phone)
  await recordEvent(trx, {
    organizationId: params.organizationId,
    type: 'opt_out.lifted',
    contactId,
    data: {
      optOut: { id: optOut.id, phone: optOut.phone, source: params.source },
      contact: contactId ? { id: contactId, phone: optOut.phone } : null,
    },
  })
  return true
}
