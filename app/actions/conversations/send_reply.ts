import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Campaign from '#models/campaign'
import CampaignContact from '#models/campaign_contact'
import Contact from '#models/contact'
import Message from '#models/message'
import Organization from '#models/organization'
import type Membership from '#models/membership'
import ActionRefusedException from '#exceptions/action_refused_exception'
import OptedOutException from '#exceptions/opted_out_exception'
import { queueMessage } from '#services/outbox/enqueue'
import { forUpdate } from '#services/db/row_locks'
import { conversationSender } from '#services/conversations/sender'
import { replyWindow } from '#services/conversations/texting_hours'
import type { TextingHoursReason } from '#services/texting_hours/index'
import { wordTextingHours } from '#services/texting_hours/wording'
import { pushConversationUpdate } from '#services/conversations/live'
import ProviderAccount from '#models/provider_account'
import { accountSendsPictures } from '#services/media/launch_findings'
import { attachPictures, checkOwnMedia, picturesInOrder } from '#services/media/attachments'

type Params = {
  actor: Membership
  conversation: CampaignContact
  body: string
  /** Library pictures sent with the text, in order. */
  mediaIds?: number[]
  /** Chosen by the page for one press of Send: the same key again is the same reply. */
  idempotencyKey: string
}

/**
 * A texter's (or an organizer's) reply in a conversation, queued for the
 * dispatcher. The same press twice — a double click, a retried request —
 * queues one text: the key is unique in the outbox, and the conversation's
 * row is locked while the reply is recorded. Answering a pending reply
 * records how long the person waited (`response_seconds`).
 */
export default class SendReply {
  static async handle({ actor, conversation, body, mediaIds = [], idempotencyKey }: Params) {
    const key = `reply:${conversation.id}:${idempotencyKey}`
    const earlier = await findByKey(conversation, key)
    if (earlier) return earlier
    await checkOwnMedia(conversation.organizationId, { mediaIds })
    const pictures = await picturesInOrder(conversation.organizationId, mediaIds)

    const [campaign, contact, organization] = await Promise.all([
      Campaign.findOrFail(conversation.campaignId),
      Contact.findOrFail(conversation.contactId),
      Organization.findOrFail(conversation.organizationId),
    ])
    refuseClosedDoors(conversation, campaign)
    const window = await replyWindow(organization, campaign, contact)
    if (!window.allowed) throw outsideHours(window.reason, window.opensAt, window.zones[0])

    const message = await db.transaction(async (trx) => {
      const locked = await lock(conversation.id, trx)
      const again = await findByKey(conversation, key, trx)
      if (again) return again
      refuseClosedDoors(locked, campaign)

      const sender = await conversationSender(locked, campaign, trx)
      if (pictures.length) await refuseWithoutMms(sender.providerAccountId)
      const now = DateTime.now()
      const queued = await queueMessage(
        {
          organizationId: conversation.organizationId,
          providerAccountId: sender.providerAccountId,
          from: sender.from,
          to: contact.phone,
          body,
          contactId: contact.id,
          campaignId: campaign.id,
          campaignContactId: conversation.id,
          sentById: actor.userId,
          idempotencyKey: key,
        },
        trx
      ).catch((error) => {
        if (error instanceof OptedOutException) throw optedOut()
        throw error
      })
      await attachPictures(queued, pictures, trx)
      if (locked.status === 'needs_response' && locked.lastInboundAt) {
        queued.responseSeconds = Math.max(
          0,
          Math.round(now.diff(locked.lastInboundAt).as('seconds'))
        )
        await queued.useTransaction(trx).save()
      }
      // Until the person writes back, a follow-up leaves the conversation waiting on them.
      locked.status = locked.repliedAt ? 'conversing' : 'messaged'
      locked.lastOutboundAt = now
      await locked.useTransaction(trx).save()
      trx.after('commit', () => pushConversationUpdate(locked))
      return queued
    })
    return message
  }
}

function findByKey(conversation: CampaignContact, key: string, trx?: TransactionClientContract) {
  return Message.forOrganization(conversation.organizationId)
    .if(trx, (query) => query.useTransaction(trx!))
    .where('idempotency_key', key)
    .first()
}

async function lock(id: number, trx: TransactionClientContract) {
  return forUpdate(CampaignContact.query({ client: trx }).where('id', id)).firstOrFail()
}

function refuseClosedDoors(conversation: CampaignContact, campaign: Campaign) {
  if (conversation.status === 'opted_out') throw optedOut()
  if (conversation.status === 'needs_message') {
    throw new ActionRefusedException('refusals.conversations.notTexted')
  }
  if (campaign.status === 'archived') {
    throw new ActionRefusedException('refusals.conversations.archived')
  }
}

async function refuseWithoutMms(providerAccountId: number) {
  const account = await ProviderAccount.findOrFail(providerAccountId)
  if (!(await accountSendsPictures(account))) {
    throw new ActionRefusedException((i18n) =>
      i18n.t('refusals.conversations.noPictures', { account: account.name })
    )
  }
}

const optedOut = () => new ActionRefusedException('refusals.conversations.optedOut')

function outsideHours(
  reason: TextingHoursReason | undefined,
  opensAt: Date | undefined,
  zone: string
) {
  return new ActionRefusedException((i18n) => {
    const said = reason ? wordTextingHours(reason, i18n) : i18n.t('texting.refused.outsideHours')
    if (!opensAt) return said
    const time = DateTime.fromJSDate(opensAt, { zone }).setLocale(i18n.locale).toFormat('ccc HH:mm')
    return `${said} ${i18n.t('refusals.conversations.replyFrom', { time })}`
  })
}
