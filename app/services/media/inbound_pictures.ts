import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import logger from '@adonisjs/core/services/logger'
import CampaignContact from '#models/campaign_contact'
import MessageMedia from '#models/message_media'
import type ProviderAccount from '#models/provider_account'
import { fetchInboundPictures } from '#services/media/inbound_fetch'
import { pushConversationUpdate } from '#services/conversations/live'

/** Fetches still under way, so tests and shutdown can wait for them. */
const running = new Set<Promise<void>>()

/** Resolves once every inbound picture fetch started so far has ended. */
export async function inboundPicturesSettled() {
  while (running.size) await Promise.all(running)
}

/**
 * Records the pictures an inbound text came with as pending, in the text's
 * transaction, and fetches them once it commits: the text is saved (and
 * shown) first, whatever becomes of its pictures; the conversation's
 * viewers hear when they are in.
 */
export async function expectPictures(
  account: ProviderAccount,
  messageId: number,
  urls: string[],
  conversationId: number | null,
  trx: TransactionClientContract
) {
  if (!urls.length) return
  await MessageMedia.createMany(
    urls.map((url, position) => ({
      organizationId: account.organizationId,
      messageId,
      position,
      sourceUrl: url,
      status: 'pending' as const,
    })),
    { client: trx }
  )
  trx.after('commit', () => {
    const work = fetchAndTell(account, messageId, conversationId)
    running.add(work)
    void work.finally(() => running.delete(work))
  })
}

async function fetchAndTell(
  account: ProviderAccount,
  messageId: number,
  conversationId: number | null
) {
  try {
    const changed = await fetchInboundPictures(messageId, account)
    if (!changed || !conversationId) return
    const conversation = await CampaignContact.find(conversationId)
    if (conversation) pushConversationUpdate(conversation)
  } catch (error) {
    logger.error({ err: error, messageId }, 'Fetching inbound pictures failed')
  }
}
