import type Message from '#models/message'
import { REVIEW_CODES } from '#services/outbox/interrupted_sends'
import { BaseTransformer } from '@adonisjs/core/transformers'

/** A text parked for review after an interrupted send, with what the provider said about it. */
export default class ReviewMessageTransformer extends BaseTransformer<Message> {
  toObject() {
    const message = this.resource
    return {
      id: message.id,
      to: message.to,
      from: message.from,
      body: message.body,
      claimedAt: message.claimedAt?.toUTC().toISO() ?? null,
      accountId: message.providerAccountId,
      // Only a provider that answered "no such text" makes sending again safe.
      safeToResend: message.errorCode === REVIEW_CODES.not_sent,
      note: message.errorMessage,
    }
  }
}
