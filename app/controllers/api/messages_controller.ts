import type { HttpContext } from '@adonisjs/core/http'
import Message from '#models/message'
import GetMessages from '#actions/messages/get_messages'
import MessageTransformer from '#transformers/message_transformer'
import { messageFiltersValidator } from '#validators/message'
import { picturesByMessage } from '#services/media/attachments'
import { sendMessagePicture } from '#services/media/serve'

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
    const pictures = await picturesByMessage(messages.map((message) => message.id))
    return {
      data: messages.map((message) =>
        new MessageTransformer(message, pictures.get(message.id)).toObject()
      ),
      meta: { total, page, perPage },
    }
  }

  async show({ params, membership, bouncer }: HttpContext) {
    await bouncer.with('MessagePolicy').authorize('view')
    const message = await Message.findForOrganizationOrFail(membership.organizationId, params.id)
    const pictures = await picturesByMessage([message.id])
    return new MessageTransformer(message, pictures.get(message.id)).toObject()
  }

  /** One picture of a text, for the organization's members: only ever as the image it is. */
  async picture({ params, response, membership, bouncer }: HttpContext) {
    await bouncer.with('MediaItemPolicy').authorize('view')
    return sendMessagePicture(response, membership.organizationId, params)
  }
}
