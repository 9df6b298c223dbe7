import type Membership from '#models/membership'
import type Message from '#models/message'
import ActionRefusedException from '#exceptions/action_refused_exception'
import { audit } from '#services/audit'

type Params = { actor: Membership; message: Message }

/**
 * An admin decided a text parked for review must not go again (it probably
 * reached the person already).
 */
export default class DiscardMessage {
  static async handle({ actor, message }: Params) {
    if (message.status !== 'review') {
      throw new ActionRefusedException('refusals.outbox.notWaiting')
    }
    message.merge({
      status: 'failed',
      errorCode: 'discarded',
      errorClass: null,
      errorMessage: 'Discarded after review',
    })
    await message.save()
    await audit({
      organizationId: message.organizationId,
      userId: actor.userId,
      action: 'message.discarded',
      subject: { type: 'message', id: message.id },
    })
  }
}
