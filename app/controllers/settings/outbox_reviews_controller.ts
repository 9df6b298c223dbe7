import type { HttpContext } from '@adonisjs/core/http'
import Message from '#models/message'
import ResendMessage from '#actions/outbox/resend_message'
import DiscardMessage from '#actions/outbox/discard_message'

/**
 * Texts parked for review after an interrupted send (listed on the
 * Providers page): an admin sends each again or discards it.
 */
export default class OutboxReviewsController {
  async resend({ params, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('ProviderAccountPolicy').authorize('manage')
    const { resent, providerMessageId } = await ResendMessage.handle({
      actor: membership,
      message: await this.#find(membership.organizationId, params.id),
    })
    session.flash(
      'success',
      resent
        ? i18n.t('flash.settings.textRequeued')
        : i18n.t('flash.settings.textWasSent', { id: providerMessageId ?? '' })
    )
    return response.redirect().toRoute('provider_accounts.index')
  }

  async discard({ params, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('ProviderAccountPolicy').authorize('manage')
    await DiscardMessage.handle({
      actor: membership,
      message: await this.#find(membership.organizationId, params.id),
    })
    session.flash('success', i18n.t('flash.settings.textDiscarded'))
    return response.redirect().toRoute('provider_accounts.index')
  }

  #find(organizationId: number, id: unknown) {
    return Message.findForOrganizationOrFail(organizationId, id)
  }
}
