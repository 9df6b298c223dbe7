import MediaItem from '#models/media_item'
import MediaItemTransformer from '#transformers/media_item_transformer'
import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import CampaignContact from '#models/campaign_contact'
import Tag from '#models/tag'
import SendReply from '#actions/conversations/send_reply'
import AnswerQuestion from '#actions/conversations/answer_question'
import OptOutConversation from '#actions/conversations/opt_out_conversation'
import CloseConversation from '#actions/conversations/close_conversation'
import TagConversation from '#actions/conversations/tag_conversation'
import {
  inboxCampaigns,
  inboxPage,
  needsReplyCount,
  nextNeedingReply,
} from '#services/conversations/inbox'
import GetThread from '#actions/conversations/get_thread'
import ThreadTransformer from '#transformers/thread_transformer'
import ConversationTransformer from '#transformers/conversation_transformer'
import { memberChannel, organizationChannel } from '#services/realtime/updates'
import {
  answerValidator,
  conversationListValidator,
  conversationOptOutValidator,
  conversationTagValidator,
  replyValidator,
} from '#validators/conversation'

const PER_PAGE = 50

export default class ConversationsController {
  async index({ inertia, request, membership }: HttpContext) {
    const query = await request.validateUsing(conversationListValidator, { data: request.qs() })
    const filter = query.filter ?? 'needs_reply'
    const page = query.page ?? 1
    const owner = { organizationId: membership.organizationId, userId: membership.userId }
    const [{ rows, total }, campaigns, needsReply] = await Promise.all([
      inboxPage(owner, { filter, campaignId: query.campaign }, page, PER_PAGE),
      inboxCampaigns(owner),
      needsReplyCount(owner),
    ])
    return inertia.render('conversations/index', {
      conversations: rows.map((row) => new ConversationTransformer(row).toObject()),
      meta: { page, perPage: PER_PAGE, total },
      filter,
      campaignId: query.campaign ?? null,
      campaigns,
      needsReply,
      channel: memberChannel(membership.organizationId, membership.userId),
    })
  }

  async show(ctx: HttpContext) {
    const { inertia, membership, organization, bouncer } = ctx
    const conversation = await find(ctx)
    const owner = { organizationId: membership.organizationId, userId: membership.userId }
    const [thread, nextId, media] = await Promise.all([
      GetThread.handle({ conversation, viewer: membership, organization }),
      nextNeedingReply(owner, conversation.id),
      MediaItem.forOrganization(membership.organizationId).orderBy('id', 'desc'),
    ])
    const supervises = membership.atLeast('supervisor')
    return inertia.render('conversations/show', {
      ...new ThreadTransformer(thread).toObject(ctx.i18n),
      nextId,
      asOrganization: conversation.assignedUserId !== membership.userId,
      // Organizers follow every conversation; a texter hears only their own.
      channel: supervises
        ? organizationChannel(membership.organizationId)
        : memberChannel(membership.organizationId, membership.userId),
      canReview: await bouncer.with('SupervisionPolicy').allows('supervise'),
      media: media.map((item) => new MediaItemTransformer(item).toPage()),
    })
  }

  async reply(ctx: HttpContext) {
    const conversation = await find(ctx)
    const data = await ctx.request.validateUsing(replyValidator)
    await SendReply.handle({ actor: ctx.membership, conversation, ...data })
    return ctx.response.redirect().toRoute('conversations.show', { id: conversation.id })
  }

  async answer(ctx: HttpContext) {
    const conversation = await find(ctx)
    const data = await ctx.request.validateUsing(answerValidator)
    await AnswerQuestion.handle({ actor: ctx.membership, conversation, ...data })
    return ctx.response.redirect().toRoute('conversations.show', { id: conversation.id })
  }

  async optOut(ctx: HttpContext) {
    const conversation = await find(ctx)
    const { confirm } = await ctx.request.validateUsing(conversationOptOutValidator)
    await OptOutConversation.handle({ actor: ctx.membership, conversation, confirm })
    ctx.session.flash(
      'success',
      ctx.i18n.t(confirm ? 'flash.conversations.optedOutConfirmed' : 'flash.conversations.optedOut')
    )
    return ctx.response.redirect().toRoute('conversations.show', { id: conversation.id })
  }

  async close(ctx: HttpContext) {
    const conversation = await find(ctx)
    await CloseConversation.handle({ conversation })
    ctx.session.flash('success', ctx.i18n.t('flash.conversations.closed'))
    return ctx.response.redirect().toRoute('conversations.show', { id: conversation.id })
  }

  async tag(ctx: HttpContext) {
    const conversation = await find(ctx)
    const { tagId } = await ctx.request.validateUsing(conversationTagValidator)
    const tag = await Tag.findForOrganizationOrFail(ctx.membership.organizationId, tagId)
    await TagConversation.handle({
      conversation,
      tag,
      applied: true,
      byUserId: ctx.membership.userId,
    })
    return ctx.response.redirect().toRoute('conversations.show', { id: conversation.id })
  }

  async untag(ctx: HttpContext) {
    const conversation = await find(ctx)
    const tag = await Tag.findForOrganizationOrFail(ctx.membership.organizationId, ctx.params.tagId)
    await TagConversation.handle({ conversation, tag, applied: false })
    return ctx.response.redirect().toRoute('conversations.show', { id: conversation.id })
  }
}

/**
 * The conversation in the URL, when this member may handle it. Another
 * organization's, or another texter's, is "not found": never a hint that it exists.
 */
async function find({ params, membership, bouncer }: HttpContext) {
  const conversation = await CampaignContact.forOrganization(membership.organizationId)
    .where('id', Number(params.id) || 0)
    .whereNotNull('messaged_at')
    .first()
  if (!conversation || (await bouncer.with('ConversationPolicy').denies('handle', conversation))) {
    throw new Exception('Conversation not found', { status: 404, code: 'E_ROW_NOT_FOUND' })
  }
  return conversation
}
