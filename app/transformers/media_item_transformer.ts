import type MediaItem from '#models/media_item'
import { BaseTransformer } from '@adonisjs/core/transformers'
import { appUrl } from '#config/app'

/**
 * A library picture. In the API `url` is the fitted copy behind the bearer
 * token; on pages, `url` is the members-only page route of the same file.
 */
export default class MediaItemTransformer extends BaseTransformer<MediaItem> {
  toObject() {
    const item = this.resource
    return {
      ...this.pick(item, ['id', 'name', 'contentType', 'bytes', 'width', 'height']),
      originalContentType: item.originalContentType,
      originalBytes: item.originalBytes,
      url: `${appUrl}/api/v1/media/${item.id}/file`,
      createdAt: item.createdAt.toUTC().toISO()!,
    }
  }

  /** For pages: the picture's members-only address in the browser. */
  toPage() {
    return { ...this.toObject(), url: `/media/${this.resource.id}/file` }
  }
}
