import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import ClaimBatch from '#actions/texting/claim_batch'
import GetTextingCampaigns from '#actions/texting/get_texting_campaigns'
import OptOutContact from '#actions/texting/opt_out_contact'
import ReleaseBatch from '#actions/texting/release_batch'
import SendInitial from '#actions/texting/send_initial'
import SendFollowUp from '#actions/texting/send_follow_up'
import SkipContact from '#actions/texting/skip_contact'
import { wantsJson } from '#exceptions/texting_refused_exception'
import { memberChannel } from '#services/realtime/updates'
import { textingCampaign } from '#services/texting/campaign_context'
import { sendingContext } from '#services/texting/sending_context'
import { screenCards } from '#services/texting/send_screen'
import {
  nextCardsValidator,
  sendInitialValidator,
  texterContactValidator,
} from '#validators/texting'

/** Cards the send screen starts with; it loads more in the background. */
const FIRST_CARDS = 3

/**
 * The texting screens: the campaigns open to the texter, and the one-key
 * send screen with its JSON steps (claim, next, send, skip, opt out, release).
 */
export default class TextingController {
  /** A texter's home: what they can text now, and replies waiting on them (live). */
  async index({ inertia, membership, bouncer }: HttpContext) {
    await bouncer.with('TextingPolicy').authorize('text')
    return inertia.render('texting/index', {
      campaigns: await GetTextingCampaigns.handle({
        organizationId: membership.organizationId,
        userId: membership.userId,
      }),
      channel: memberChannel(membership.organizationId, membership.userId),
    })
  }

  async show(ctx: HttpContext) {
    const { context, texter } = await this.#sending(ctx)
    const { cards, progress, resumeAt } = await screenCards(context, texter, FIRST_CARDS)
    const { campaign } = context
    return ctx.inertia.render('texting/send', {
      campaign: {
        id: campaign.id,
        name: campaign.name,
        status: campaign.status,
        allowInitialEdit: campaign.allowInitialEdit,
      },
      cards,
      resumeAt,
      progress,
    })
  }

  /** "Start texting": JSON for scripts, otherwise on to the send screen. */
  async claim(ctx: HttpContext) {
    const { context, texter } = await this.#sending(ctx)
    const result = await ClaimBatch.handle({
      context,
      texter: { userId: texter.userId, membershipId: ctx.membership.id },
    })
    if (wantsJson(ctx)) return result
    if (!result.claimed && !result.progress.remaining) {
      ctx.session.flash('error', ctx.i18n.t('flash.texting.nothingToClaim'))
      return ctx.response.redirect().toRoute('texting.index')
    }
    return ctx.response.redirect().toRoute('texting.show', { id: context.campaign.id })
  }

  async next(ctx: HttpContext) {
    const { count } = await ctx.request.validateUsing(nextCardsValidator)
    const { context, texter } = await this.#sending(ctx)
    const { cards, progress, resumeAt } = await screenCards(context, texter, count ?? 1)
    return { contacts: cards, progress, resumeAt }
  }

  async send(ctx: HttpContext) {
    const { followUpStepId, ...data } = await ctx.request.validateUsing(sendInitialValidator)
    const sending = await this.#sending(ctx)
    if (followUpStepId) {
      return SendFollowUp.handle({ ...sending, data: { ...data, followUpStepId } })
    }
    return SendInitial.handle({ ...sending, data })
  }

  async skip(ctx: HttpContext) {
    const { campaignContactId } = await ctx.request.validateUsing(texterContactValidator)
    return SkipContact.handle({ ...(await this.#sending(ctx)), campaignContactId })
  }

  async optOut(ctx: HttpContext) {
    const { campaignContactId } = await ctx.request.validateUsing(texterContactValidator)
    return OptOutContact.handle({ ...(await this.#sending(ctx)), campaignContactId })
  }

  /** "Done for now". */
  async release(ctx: HttpContext) {
    const { context, texter } = await this.#sending(ctx)
    const result = await ReleaseBatch.handle({ campaign: context.campaign, userId: texter.userId })
    if (wantsJson(ctx)) return result
    ctx.session.flash('success', ctx.i18n.t('flash.texting.released', { count: result.released }))
    return ctx.response.redirect().toRoute('texting.index')
  }

  /** The campaign (a draft or another organization's reads as missing) and the texter. */
  async #sending({ params, membership, organization, bouncer }: HttpContext) {
    await bouncer.with('TextingPolicy').authorize('text')
    const campaign = await textingCampaign(membership.organizationId, Number(params.id) || 0)
    if (!campaign || campaign.status === 'draft') {
      throw new Exception('No such campaign', { status: 404, code: 'E_ROW_NOT_FOUND' })
    }
    return {
      context: await sendingContext(campaign, organization),
      texter: { userId: membership.userId, fullName: membership.user.fullName },
    }
  }
}
