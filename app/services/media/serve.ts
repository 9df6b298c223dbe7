import drive from '@adonisjs/drive/services/main'
import type { HttpContext } from '@adonisjs/core/http'
import { extensionOf } from '#services/media/storage'
import MessageMedia from '#models/message_media'

/**
 * Answers with a stored picture: only ever as the image type it was checked
 * to be, never sniffed as anything else, never cached by shared caches.
 */
export async function sendPicture(
  response: HttpContext['response'],
  picture: { storageKey: string; contentType: string; name: string },
  options: { cache: 'private' | 'public' } = { cache: 'private' }
) {
  const disk = drive.use()
  const stream = await disk.getStream(picture.storageKey)
  const base = picture.name.replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '_') || 'picture'
  response.header('Content-Type', picture.contentType)
  response.header('X-Content-Type-Options', 'nosniff')
  response.header(
    'Content-Disposition',
    `inline; filename="${base}.${extensionOf(picture.contentType)}"`
  )
  response.header('Content-Security-Policy', "default-src 'none'; sandbox")
  response.header('Cache-Control', `${options.cache}, max-age=300`)
  response.stream(stream)
}

/**
 * A stored picture of one of the organization's texts (`params.id`, picture
 * `params.position`); another organization's, or one not fetched, is 404.
 */
export async function sendMessagePicture(
  response: HttpContext['response'],
  organizationId: number,
  params: Record<string, unknown>
) {
  const picture = await MessageMedia.forOrganization(organizationId)
    .where('message_id', Number(params.id) || 0)
    .where('position', Number(params.position) || 0)
    .where('status', 'ready')
    .whereNotNull('storage_key')
    .firstOrFail()
  return sendPicture(response, {
    storageKey: picture.storageKey!,
    contentType: picture.contentType!,
    name: `picture-${picture.position + 1}`,
  })
}
