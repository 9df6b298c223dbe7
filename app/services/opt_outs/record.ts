import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import OptOut, { type OptOutSource } from '#models/opt_out'
import { audit } from '#services/audit'
import { isUniqueViolation } from '#services/db/unique_violation'
import { sqlNow } from '#services/db/sql_time'
import { contactIdOfPhone, recordEvent } from '#services/outbound_webhooks/events'
import { eraseOnOptOut } from '#services/contacts/erase'

export type RecordOptOutParams = {
  organizationId: number
  /** E.164. */
  phone: string
  source: OptOutSource
  reason?: string | null
  /** The inbound message that asked for it, when there is one. */
  messageId?: number | null
  /** The person who recorded it (texter, admin, API token's user); null for keywords and carriers. */
  actorId?: number | null
}

/**
 * Puts a phone on the organization's opt-out list and ends every open
 * conversation with it (its campaign contacts become `opted_out`). Recording
 * it again is harmless: the first record (and its reason) stays, and `created`
 * tells the caller whether this call is the one that opted the person out —
 * only that call may send the single confirmation reply. With the
 * organization's `eraseOnOptOut` setting, the person's data is erased too.
 */
export async function recordOptOut(params: RecordOptOutParams, trx: TransactionClientContract) {
  // Erasing keeps the contact's row and phone, so this id holds for the whole call.
  const contactId = await contactIdOfPhone(trx, params.organizationId, params.phone)
  await endConversations(params.organizationId, contactId, trx)
  await eraseOnOptOut(
    { organizationId: params.organizationId, phone: params.phone, actorId: params.actorId ?? null },
    trx
  )
  const existing = await find(params, trx)
  if (existing) return { optOut: existing, created: false }

  let optOut: OptOut
  try {
    optOut = await OptOut.create(
      {
        organizationId: params.organizationId,
        phone: params.phone,
        source: params.source,
        reason: params.reason ?? null,
        messageId: params.messageId ?? null,
        createdById: params.actorId ?? null,
      },
      { client: trx }
    )
  } catch (error) {
    // Another process recorded the same phone a moment ago.
    const winner = isUniqueViolation(error) ? await find(params, trx) : null
    if (!winner) throw error
    return { optOut: winner, created: false }
  }

  await audit(
    {
      organizationId: params.organizationId,
      userId: params.actorId ?? null,
      action: 'opt_out.recorded',
      subject: { type: 'opt_out', id: optOut.id },
      details: { phone: optOut.phone, source: optOut.source, reason: optOut.reason },
    },
    trx
  )
  await recordEvent(trx, {
    organizationId: params.organizationId,
    type: 'opt_out.created',
    contactId,
    data: {
      optOut: {
        id: optOut.id,
        phone: optOut.phone,
        source: optOut.source,
        reason: optOut.reason,
        createdAt: optOut.createdAt.toUTC().toISO(),
      },
      contact: contactId ? { id: contactId, phone: optOut.phone } : null,
    },
  })
  return { optOut, created: true }
}

/**
 * Closed and failed conversations keep their status: they ended for another
 * reason. By the contact's id: MariaDB reads every row of an UPDATE whose
 * WHERE holds an IN (subquery), here the organization's whole campaign history.
 */
async function endConversations(
  organizationId: number,
  contactId: number | null,
  trx: TransactionClientContract
) {
  if (contactId === null) return
  await trx
    .from('campaign_contacts')
    .where('organization_id', organizationId)
    .where('contact_id', contactId)
    .whereNotIn('status', ['opted_out', 'closed', 'failed'])
    .update({ status: 'opted_out', updated_at: sqlNow() })
}

function find({ organizationId, phone }: RecordOptOutParams, trx: TransactionClientContract) {
  return OptOut.forOrganization(organizationId).where('phone', phone).useTransaction(trx).first()
}
