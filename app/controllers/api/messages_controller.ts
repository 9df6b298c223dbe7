import type { HttpContext } from '@adonisjs/core/http'
import Message from '#models/message'
import GetMessages from '#actions/messages/get_messages'
import MessageTransformer from '#transformers/message_transformer'
import { messageFiltersValidator } from '#validators/message'

export default class MessagesController {
  /**
   * `?contactId=&campaignId=&conversationId=&direction=&status=&since=`,
   * newest first; the total is exact.
   */
  async index({ request, membership, bouncer }: HttpContext) {
    await bouncer.with('MessagePolicy').authorize('viewList')
    const {
      page = 1,
      perPage = 50,
      ...filters
    } = await request.validateUsing(messageFiltersValidator, { data: request.qs() })
    const { messages, total } = await GetMessages.handle({
      organizationId: membership.organizationId,
      filters,
      page,
      perPage,
    })
    return {
      data: messages.map((message) => new MessageTransformer(message).toObject()),
      meta: { total, page, perPage },
    }
  }

  async show({ params, membership, bouncer }: HttpContext) {
    await bouncer.with('MessagePolicy').authorize('view')
    const message = await Message.findForOrganizationOrFail(membership.organizationId, params.id)
    return new MessageTransformer(message).toObject()
  }
}
