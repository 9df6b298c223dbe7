import type { HttpContext } from '@adonisjs/core/http'
import MessageMedia from '#models/message_media'
import { readSignedToken } from '#services/media/sent_links'
import { sendPicture } from '#services/media/serve'
import { phonePictureOf } from '#services/fake_carrier/pictures'

/**
 * Outgoing pictures, fetched by providers through the signed, expiring link
 * the send handed them (and the fake carrier's pictures, fetched by the app
 * the same way): no session, and nothing but that one picture.
 */
export default class SentMediaController {
  async show({ params, response }: HttpContext) {
    const read = readSignedToken('sent', String(params.token))
    if (read === 'expired') return response.gone('This link has expired')
    const picture = read
      ? await MessageMedia.query()
          .where('id', Number(read.subject) || 0)
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

  /** A picture a fake phone sent, as the carrier simulator hosts it for the app to fetch. */
  async carrier({ params, response }: HttpContext) {
    const picture = phonePictureOf(String(params.token))
    if (picture === 'expired') return response.gone('This link has expired')
    if (!picture) return response.notFound('Not found')
    return sendPicture(response, { ...picture, name: 'photo' }, { cache: 'public' })
  }
}
