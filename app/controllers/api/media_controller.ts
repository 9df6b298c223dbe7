import type { HttpContext } from '@adonisjs/core/http'
import MediaItem from '#models/media_item'
import CreateMediaItem from '#actions/media/create_media_item'
import DeleteMediaItem from '#actions/media/delete_media_item'
import { MAX_MEDIA_UPLOAD, mediaUploadValidator } from '#validators/media'
import { sendPicture } from '#services/media/serve'
import { receiveUploads } from '#services/uploads'
import MediaItemTransformer from '#transformers/media_item_transformer'

/** The media library in the API (docs/media.md). */
export default class MediaController {
  async index({ membership, bouncer }: HttpContext) {
    await bouncer.with('MediaItemPolicy').authorize('view')
    const items = await MediaItem.forOrganization(membership.organizationId).orderBy('id', 'desc')
    return { data: items.map((item) => new MediaItemTransformer(item).toObject()) }
  }

  async store(ctx: HttpContext) {
    const { request, response, membership, bouncer } = ctx
    await bouncer.with('MediaItemPolicy').authorize('manage')
    await receiveUploads(ctx, { limit: MAX_MEDIA_UPLOAD })
    const { file } = await request.validateUsing(mediaUploadValidator)
    const item = await CreateMediaItem.handle({ actor: membership, file })
    return response.created(new MediaItemTransformer(item).toObject())
  }

  async destroy({ params, response, membership, bouncer }: HttpContext) {
    await bouncer.with('MediaItemPolicy').authorize('manage')
    await DeleteMediaItem.handle({ actor: membership, id: params.id })
    return response.noContent()
  }

  async show({ params, response, membership, bouncer }: HttpContext) {
    await bouncer.with('MediaItemPolicy').authorize('view')
    const item = await MediaItem.findForOrganizationOrFail(membership.organizationId, params.id)
    return sendPicture(response, item)
  }
}
