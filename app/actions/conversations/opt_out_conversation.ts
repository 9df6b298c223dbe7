import db from '@adonisjs/lucid/services/db'
import Campaign from '#models/campaign'
import Contact from '#models/contact'
import Organization from '#models/organization'
import Message from '#models/message'
import type CampaignContact from '#models/campaign_contact'
import type Membership from '#models/membership'
import { recordOptOut } from '#services/opt_outs/record'
import { queueMessage } from '#services/outbox/enqueue'
import { conversationSender } from '#services/conversations/sender'
import { pushConversationUpdate } from '#services/conversations/live'
import { optOutReply } from '#services/opt_outs/replies'
import { languageOf } from '#services/webhooks/opt_out_keywords'

type Params = {
  actor: Membership
  conversation: CampaignContact
  /** Send the organization's opt-out confirmation (once per opt-out, however often asked). */
  confirm: boolean
}

/**
 * The texter opts the person out from the conversation: the phone goes on
 * the organization's opt-out list, which ends this and every other open
 * conversation with it, and optionally the one confirmation text goes out,
 * in Spanish when the person's latest text reads as Spanish ("no me escriban").
 */
export default class OptOutConversation {
  static async handle({ actor, conversation, confirm }: Params) {
    const [contact, campaign, organization, lastReply] = await Promise.all([
      Contact.findOrFail(conversation.contactId),
      Campaign.findOrFail(conversation.campaignId),
      Organization.findOrFail(conversation.organizationId),
      Message.query()
        .where('campaignContactId', conversation.id)
        .where('direction', 'inbound')
        .orderBy('id', 'desc')
        .first(),
    ])
    const result = await db.transaction(async (trx) => {
      // Asked before recording, so a conversation with no number to answer from changes nothing.
      const sender = confirm ? await conversationSender(conversation, campaign, trx) : null
      const recorded = await recordOptOut(
        {
          organizationId: conversation.organizationId,
          phone: contact.phone,
          source: 'texter',
          reason: `Opted out in a conversation of “${campaign.name}”`.slice(0, 255),
          actorId: actor.userId,
        },
        trx
      )
      // A closed conversation kept its status above; this one ends because of the opt-out.
      conversation.status = 'opted_out'
      await conversation.useTransaction(trx).save()
      if (sender) {
        await queueMessage(
          {
            organizationId: conversation.organizationId,
            providerAccountId: sender.providerAccountId,
            from: sender.from,
            to: contact.phone,
            body: optOutReply(organization, languageOf(lastReply?.body ?? '')),
            contactId: contact.id,
            campaignId: campaign.id,
            campaignContactId: conversation.id,
            sentById: actor.userId,
            purpose: 'opt_out_confirmation',
            idempotencyKey: `opt-out-confirmation:${recorded.optOut.id}`,
          },
          trx
        )
      }
      return recorded
    })
    pushConversationUpdate(conversation)
    return result
  }
}
