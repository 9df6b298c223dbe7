import type { HttpContext } from '@adonisjs/core/http'
import { sendMessagePicture } from '#services/media/serve'

/** The pictures of texts (sent and received), for the organization's members in the browser. */
export default class MessageMediaController {
  async show({ params, response, membership, bouncer }: HttpContext) {
    await bouncer.with('MediaItemPolicy').authorize('view')
    return sendMessagePicture(response, membership.organizationId, params)
  }
}
