import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Contact from '#models/contact'
import type { ClassifiedError } from '#sms/types'
import { recordOptOut } from '#services/opt_outs/record'
import { sqlNow } from '#services/db/sql_time'

type Failed = { id: number; organizationId: number; contactId: number | null; to: string }

/**
 * What a recipient failure teaches us about the person: the carrier's own
 * STOP list (Twilio 21610, Telnyx 40300) becomes an opt-out here too, and a
 * landline or invalid number is flagged on the contact so nobody keeps
 * texting it. Returns whether an opt-out was newly recorded.
 */
export async function learnFromRecipientFailure(
  message: Failed,
  error: ClassifiedError,
  trx: TransactionClientContract
) {
  if (error.kind === 'opted_out') {
    const { created } = await recordOptOut(
      {
        organizationId: message.organizationId,
        phone: message.to,
        source: 'carrier',
        reason: `Carrier refused the text: ${error.message} (${error.code})`.slice(0, 255),
        messageId: message.id,
      },
      trx
    )
    return created
  }
  if ((error.kind === 'landline' || error.kind === 'invalid') && message.contactId) {
    await Contact.query({ client: trx })
      .where('id', message.contactId)
      .where('organization_id', message.organizationId)
      .whereNull('undeliverable_reason')
      .update({ undeliverable_reason: error.kind, undeliverable_at: sqlNow() })
  }
  return false
}
