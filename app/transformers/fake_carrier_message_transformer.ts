import type FakeCarrierMessage from '#models/fake_carrier_message'
import { BaseTransformer } from '@adonisjs/core/transformers'

/**
 * A text the fake carrier took, as its API lists it (a real provider's
 * message list); `forPhone` is a line of the Phones page's thread.
 */
export default class FakeCarrierMessageTransformer extends BaseTransformer<FakeCarrierMessage> {
  toObject() {
    const message = this.resource
    return {
      id: message.sid,
      status: message.status,
      body: message.body,
      createdAt: message.createdAt.toUTC().toISO(),
    }
  }

  /** The page gives the time in the server's zone, not UTC. */
  forPhone() {
    const message = this.resource
    return {
      id: message.id,
      direction: message.direction,
      sender: message.sender,
      body: message.body,
      media: message.media,
      status: message.status,
      errorCode: message.errorCode,
      at: message.createdAt.toISO(),
    }
  }
}
