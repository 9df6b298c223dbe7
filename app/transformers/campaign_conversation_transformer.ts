import type { ReviewedConversation } from '#services/texting/conversation_review'
import { timestampOf } from '#services/texting/supervision'
import { BaseTransformer } from '@adonisjs/core/transformers'

/** The last message of a row, cut to this many characters. */
const SNIPPET_LENGTH = 140

/**
 * A campaign's conversation as the supervisor review lists it (page and
 * API): the contact, the texter holding it, its tags and its last message.
 */
export default class CampaignConversationTransformer extends BaseTransformer<ReviewedConversation> {
  toObject() {
    const { row, tags, lastMessage } = this.resource
    return {
      id: Number(row.id),
      contact: {
        id: Number(row.contact_id),
        firstName: row.first_name ?? null,
        lastName: row.last_name ?? null,
        phone: row.phone,
      },
      texter:
        row.assigned_user_id === null
          ? null
          : { userId: Number(row.assigned_user_id), name: row.texter_name ?? '' },
      status: row.status,
      escalated: row.escalated_at !== null,
      sentiment: row.sentiment ?? null,
      lastInboundAt: timestampOf(row.last_inbound_at)?.toUTC().toISO() ?? null,
      lastMessage: lastMessage && {
        direction: lastMessage.direction,
        body: snippet(lastMessage.body),
        createdAt: timestampOf(lastMessage.created_at)?.toUTC().toISO() ?? null,
      },
      tags,
    }
  }
}

function snippet(body: string) {
  return body.length > SNIPPET_LENGTH ? `${body.slice(0, SNIPPET_LENGTH - 1)}…` : body
}
