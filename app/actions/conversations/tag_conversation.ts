import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type CampaignContact from '#models/campaign_contact'
import type Tag from '#models/tag'
import { isUniqueViolation } from '#services/db/unique_violation'
import { pushConversationUpdate } from '#services/conversations/live'
import { recordEvent } from '#services/outbound_webhooks/events'
import { queueEscalationEmails } from '#services/notifications/escalations'

/** `byUserId`: who tagged it (supervisors are emailed of an escalation, but not its author). */
type Params = { conversation: CampaignContact; tag: Tag; applied: boolean; byUserId?: number }

/**
 * Applies a tag to the conversation's contact, or removes it. An escalating
 * tag routes the conversation to supervisors (`escalated_at`); removing the
 * contact's last escalating tag takes it back. Repeating either is harmless.
 * Supervisors are emailed when it escalates.
 */
export default class TagConversation {
  static async handle({ conversation, tag, applied, byUserId }: Params) {
    const wasEscalated = Boolean(conversation.escalatedAt)
    await db.transaction(async (trx) => {
      const link = { contact_id: conversation.contactId, tag_id: tag.id }
      if (applied) {
        const existing = await trx.from('contact_tags').where(link).first()
        if (!existing) {
          await trx
            .table('contact_tags')
            .insert(link)
            .catch((error) => {
              if (!isUniqueViolation(error)) throw error
            })
          await recordEvent(trx, {
            organizationId: conversation.organizationId,
            type: 'conversation.tagged',
            contactId: conversation.contactId,
            data: {
              tag: { id: tag.id, name: tag.name },
              contact: { id: conversation.contactId },
              conversationId: conversation.id,
              campaignId: conversation.campaignId,
            },
          })
        }
      } else {
        await trx.from('contact_tags').where(link).delete()
      }
      if (!tag.escalates) return

      const stillEscalating = await trx
        .from('contact_tags as ct')
        .join('tags as t', 't.id', 'ct.tag_id')
        .where('ct.contact_id', conversation.contactId)
        .where('t.escalates', true)
        .first()
      conversation.escalatedAt = stillEscalating
        ? (conversation.escalatedAt ?? DateTime.now())
        : null
      await conversation.useTransaction(trx).save()
      if (!wasEscalated && conversation.escalatedAt) {
        await queueEscalationEmails(trx, {
          organizationId: conversation.organizationId,
          campaignContactId: conversation.id,
          byUserId,
        })
      }
    })
    if (wasEscalated !== Boolean(conversation.escalatedAt)) pushConversationUpdate(conversation)
    return conversation
  }
}
