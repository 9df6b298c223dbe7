import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import logger from '@adonisjs/core/services/logger'
import CampaignContact from '#models/campaign_contact'
import Message from '#models/message'
import MessageMedia from '#models/message_media'
import ProviderAccount from '#models/provider_account'
import { sqlNow, sqlTime } from '#services/db/sql_time'
import { affected } from '#services/texting/assignment'
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
  trx.after('commit', () => startFetching(account, messageId, conversationId))
}

/** Fetches in the background, tracked in `running`. */
function startFetching(account: ProviderAccount, messageId: number, conversationId: number | null) {
  const work = fetchAndTell(account, messageId, conversationId)
  running.add(work)
  void work.finally(() => running.delete(work))
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

/** A picture pending this long lost its fetch (the process stopped midway). */
const STALLED_AFTER_MINUTES = 5
/** A picture still not had after this is given up. */
const GIVE_UP_AFTER_HOURS = 24

/**
 * Fetches again the pictures whose fetch a stopped process left pending, and
 * gives up on those pending for a day. Each text's pictures are claimed by
 * moving their time: of the workers sweeping at once, one fetches them.
 */
export async function sweepStalledPictures(now = DateTime.now()) {
  await db
    .from('message_media')
    .where('status', 'pending')
    .where('created_at', '<', sqlTime(now.minus({ hours: GIVE_UP_AFTER_HOURS })))
    .update({
      status: 'failed',
      failure_reason: 'the provider could not be reached in time',
      updated_at: sqlNow(),
    })

  const stalledBefore = sqlTime(now.minus({ minutes: STALLED_AFTER_MINUTES }))
  const stalled = await db
    .from('message_media')
    .where('status', 'pending')
    .where('updated_at', '<', stalledBefore)
    .distinct('message_id')
    .limit(100)
  for (const { message_id: messageId } of stalled) {
    const claimed = await db
      .from('message_media')
      .where('message_id', messageId)
      .where('status', 'pending')
      .where('updated_at', '<', stalledBefore)
      .update({ updated_at: sqlNow() })
    if (!affected(claimed)) continue
    const message = await Message.find(messageId)
    const account = message?.providerAccountId
      ? await ProviderAccount.find(message.providerAccountId)
      : null
    if (!message || !account) continue
    startFetching(account, messageId, message.campaignContactId)
  }
}
