import type Membership from '#models/membership'
import type Message from '#models/message'
import ActionRefusedException from '#exceptions/action_refused_exception'
import { audit } from '#services/audit'
import { isOptedOut } from '#services/outbox/enqueue'
import { askProviderAbout } from '#services/outbox/interrupted_sends'
import { recordSent } from '#services/outbox/claims'
import dispatcher from '#services/outbox/dispatcher'

type Params = { actor: Membership; message: Message }

/**
 * An admin decided a text parked for review (sending was interrupted) should
 * go again. The provider is asked once more first: a text it turns out to
 * have is recorded as sent and not sent twice (`resent: false`). Otherwise
 * the text is queued again, the admin having accepted, where the provider
 * could not tell, that the person may get it twice.
 */
export default class ResendMessage {
  static async handle({ actor, message }: Params) {
    if (message.status !== 'review') {
      throw new ActionRefusedException('refusals.outbox.notWaiting')
    }
    const finding = await askProviderAbout(message)
    if (finding.outcome === 'sent') {
      await recordSent(message, finding.result)
      await audit({
        organizationId: message.organizationId,
        userId: actor.userId,
        action: 'message.found_sent',
        subject: { type: 'message', id: message.id },
        details: { providerMessageId: finding.result.providerMessageId },
      })
      return { resent: false, providerMessageId: finding.result.providerMessageId }
    }
    if (await isOptedOut(message.organizationId, message.to)) {
      throw new ActionRefusedException((i18n) =>
        i18n.t('refusals.outbox.optedOutSince', { phone: message.to })
      )
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
    return { resent: true, providerMessageId: null }
  }
}
