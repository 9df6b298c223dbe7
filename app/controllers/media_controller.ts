import type { HttpContext } from '@adonisjs/core/http'
import MediaItem from '#models/media_item'
import CreateMediaItem from '#actions/media/create_media_item'
import DeleteMediaItem from '#actions/media/delete_media_item'
import { MAX_MEDIA_UPLOAD, mediaUploadValidator } from '#validators/media'
import { mediaLimitsFor } from '#services/media/limits'
import { sendPicture } from '#services/media/serve'
import { receiveUploads } from '#services/uploads'
import MediaItemTransformer from '#transformers/media_item_transformer'

/**
 * The media library page: admins upload and delete pictures; every member
 * may look (and pick them when writing texts); pictures are served to the
 * organization's members only.
 */
export default class MediaController {
  async index({ inertia, membership, bouncer }: HttpContext) {
    await bouncer.with('MediaItemPolicy').authorize('view')
    const items = await MediaItem.forOrganization(membership.organizationId).orderBy('id', 'desc')
    const limits = await mediaLimitsFor(membership.organizationId)
    return inertia.render('media/index', {
      items: items.map((item) => new MediaItemTransformer(item).toPage()),
      canManage: await bouncer.with('MediaItemPolicy').allows('manage'),
      limits: { maxBytes: limits.maxBytes, maxDimension: limits.maxDimension },
    })
  }

  async store(ctx: HttpContext) {
    const { request, response, membership, bouncer, session } = ctx
    await bouncer.with('MediaItemPolicy').authorize('manage')
    await receiveUploads(ctx, { limit: MAX_MEDIA_UPLOAD })
    const { file } = await request.validateUsing(mediaUploadValidator)
    await CreateMediaItem.handle({ actor: membership, file })
    session.flash('success', ctx.i18n.t('flash.media.added'))
    return response.redirect().toRoute('media.index')
  }

  async destroy({ params, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('MediaItemPolicy').authorize('manage')
    await DeleteMediaItem.handle({ actor: membership, id: params.id })
    session.flash('success', i18n.t('flash.media.deleted'))
    return response.redirect().toRoute('media.index')
  }

  /** The picture itself, for the organization's members. */
  async show({ params, response, membership, bouncer }: HttpContext) {
    await bouncer.with('MediaItemPolicy').authorize('view')
    const item = await MediaItem.findForOrganizationOrFail(membership.organizationId, params.id)
    return sendPicture(response, item)
  }
}
