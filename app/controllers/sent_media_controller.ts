import type { HttpContext } from '@adonisjs/core/http'
import MessageMedia from '#models/message_media'
import { readSentPictureToken } from '#services/media/sent_links'
import { sendPicture } from '#services/media/serve'

/**
 * Outgoing pictures, fetched by providers through the signed, expiring link
 * the send handed them: no session, and nothing but that one picture.
 */
export default class SentMediaController {
  async show({ params, response }: HttpContext) {
    const read = readSentPictureToken(String(params.token))
    if (read === 'expired') return response.gone('This link has expired')
    const picture = read
      ? await MessageMedia.query()
          .where('id', read.pictureId)
          .where('status', 'ready')
          .whereNotNull('storage_key')
          .first()
      : null
    if (!picture) return response.notFound('Not found')
    return sendPicture(
      response,
      {
        storageKey: picture.storageKey!,
        contentType: picture.contentType!,
        name: `picture-${picture.position + 1}`,
      },
      { cache: 'public' }
    )
  }
}
