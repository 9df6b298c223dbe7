import type Membership from '#models/membership'
import type Message from '#models/message'
import ActionRefusedException from '#exceptions/action_refused_exception'
import { audit } from '#services/audit'
import { isOptedOut } from '#services/outbox'
import dispatcher from '#services/dispatcher'

type Params = { actor: Membership; message: Message }

/**
 * An admin decided a text parked for review (sending was interrupted and
 * the provider could not say whether it went out) should go again, accepting
 * that the person may get it twice.
 */
export default class ResendMessage {
  static async handle({ actor, message }: Params) {
    if (message.status !== 'review') {
      throw new ActionRefusedException('This text is no longer waiting for review.')
    }
    if (await isOptedOut(message.organizationId, message.to)) {
      throw new ActionRefusedException(`${message.to} has opted out since; discard this text.`)
    }
    message.merge({ status: 'queued', claimedAt: null, claimedBy: null, nextAttemptAt: null })
    await message.save()
    await audit({
      organizationId: message.organizationId,
      userId: actor.userId,
      action: 'message.resent',
      subject: { type: 'message', id: message.id },
    })
    dispatcher.wake()
  }
}
