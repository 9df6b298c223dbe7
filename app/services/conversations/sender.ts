import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import ActionRefusedException from '#exceptions/action_refused_exception'
import type Campaign from '#models/campaign'
import type CampaignContact from '#models/campaign_contact'

/**
 * The account and number a conversation's next text goes from: the number
 * the person last wrote to, else the one the conversation last texted from
 * — so the whole conversation stays on one number — on that message's
 * provider account.
 */
export async function conversationSender(
  conversation: CampaignContact,
  campaign: Campaign,
  trx: TransactionClientContract
) {
  const latest = await trx
    .from('messages')
    .where('organization_id', conversation.organizationId)
    .where('campaign_contact_id', conversation.id)
    .whereNotNull('provider_account_id')
    .orderBy('id', 'desc')
    .select('direction', 'from_phone', 'to_phone', 'provider_account_id')
    .first()
  const providerAccountId = latest?.provider_account_id ?? campaign.providerAccountId
  const from = latest
    ? latest.direction === 'inbound'
      ? latest.to_phone
      : latest.from_phone
    : null
  if (!providerAccountId || from === null) {
    throw new ActionRefusedException('refusals.conversations.noSender')
  }
  return { providerAccountId: providerAccountId as number, from: from as string }
}
