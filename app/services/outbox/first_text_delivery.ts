import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { MessageStatus } from '#models/message'
import type {
  CampaignContactDelivery,
  CampaignContactFailureReason,
} from '#models/campaign_contact'
import type { ClassifiedError } from '#sms/types'

/**
 * A campaign contact's `delivery` follows its FIRST text (the one the report's
 * sent / delivered / failed figures count), never a later reply: queued →
 * sent → delivered or failed, and only forward, like message statuses.
 */
const EARLIER: Record<Exclude<CampaignContactDelivery, 'queued'>, string[]> = {
  sent: ['queued'],
  delivered: ['queued', 'sent'],
  failed: ['queued', 'sent'],
}

export function deliveryFor(
  status: MessageStatus
): Exclude<CampaignContactDelivery, 'queued'> | null {
  if (status === 'sent' || status === 'delivered') return status
  if (status === 'failed' || status === 'undelivered') return 'failed'
  return null
}

/** Why the first text failed, from the plugin's classification of the provider's error. */
export function failureReasonFor(error?: ClassifiedError | null): CampaignContactFailureReason {
  switch (error?.kind) {
    case 'landline':
      return 'landline'
    case 'invalid':
      return 'invalid'
    case 'filtered':
      return 'carrier_filtered'
    case 'opted_out':
      return 'carrier_opt_out'
    default:
      return 'other'
  }
}

/**
 * Moves the delivery of the campaign contact whose first text is message
 * `messageId` to what the message's new `status` means, in the caller's
 * transaction. A failure's reason comes from the provider's classified
 * `error`, or is given (`reason`) when our own last checks stopped the text.
 * Other messages (replies, texts outside campaigns) and backward moves
 * change nothing.
 */
export async function recordFirstTextDelivery(
  trx: TransactionClientContract,
  messageId: number,
  status: MessageStatus,
  error?: ClassifiedError | null,
  reason: CampaignContactFailureReason = failureReasonFor(error)
) {
  const delivery = deliveryFor(status)
  if (!delivery) return
  // Looked up first, then updated by id: MariaDB scans the whole table for
  // an UPDATE whose WHERE holds an IN (subquery).
  const firstText = await trx
    .from('messages as m')
    .where('m.id', messageId)
    .where('m.direction', 'outbound')
    .whereNotNull('m.campaign_contact_id')
    .whereNotExists((earlier) =>
      earlier
        .from('messages as e')
        .whereColumn('e.campaign_contact_id', 'm.campaign_contact_id')
        .where('e.direction', 'outbound')
        .whereColumn('e.id', '<', 'm.id')
        .select(trx.raw('1'))
    )
    .select('m.campaign_contact_id')
    .first()
  if (!firstText) return
  await trx
    .from('campaign_contacts')
    .where('id', firstText.campaign_contact_id)
    .where((earlier) => earlier.whereNull('delivery').orWhereIn('delivery', EARLIER[delivery]))
    .update({
      delivery,
      failure_reason: delivery === 'failed' ? reason : null,
    })
}
