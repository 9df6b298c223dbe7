import type { DateTime } from 'luxon'
import type Message from '#models/message'
import type MessageMedia from '#models/message_media'
import { BaseTransformer } from '@adonisjs/core/transformers'
import { appUrl } from '#config/app'

const iso = (value: DateTime | null) => value?.toUTC().toISO() ?? null

/**
 * A text as the API shows it. `conversationId` is the campaign contact the
 * text belongs to (the conversation pages' id); automatic answers (HELP, an
 * opt-out confirmation) and texts outside a campaign have none.
 */
export default class MessageTransformer extends BaseTransformer<Message> {
  /** The text's stored pictures (message_media), when it has any. */
  constructor(
    resource: Message,
    private pictures: MessageMedia[] = []
  ) {
    super(resource)
  }

  toObject() {
    const message = this.resource
    return {
      id: message.id,
      direction: message.direction,
      body: message.body,
      from: message.from,
      to: message.to,
      status: message.status,
      errorCode: message.errorCode,
      errorClass: message.errorClass,
      errorMessage: message.errorMessage,
      providerMessageId: message.providerMessageId,
      providerAccountId: message.providerAccountId,
      segments: message.segments,
      encoding: message.encoding,
      contactId: message.contactId,
      campaignId: message.campaignId,
      conversationId: message.campaignContactId,
      purpose: message.purpose,
      intent: message.intent,
      sentByUserId: message.sentById,
      media: this.pictures.length
        ? this.pictures.map((picture) => ({
            contentType: picture.contentType,
            url: `${appUrl}/api/v1/messages/${message.id}/media/${picture.position}`,
            status: picture.status,
            failureReason: picture.failureReason,
          }))
        : // Texts from before pictures were stored: the provider's links, type unknown.
          message.media.map((url) => ({ contentType: null, url })),
      createdAt: iso(message.createdAt)!,
      sentAt: iso(message.sentAt),
      deliveredAt: iso(message.deliveredAt),
      updatedAt: iso(message.updatedAt ?? message.createdAt)!,
    }
  }

  /** A line of a contact's history on their page. */
  toSummary() {
    const message = this.resource
    return {
      id: message.id,
      direction: message.direction,
      body: message.body,
      status: message.status,
      campaignId: message.campaignId,
      errorCode: message.errorCode,
      createdAt: message.createdAt.toUTC().toISO(),
    }
  }
}
