import { randomUUID } from 'node:crypto'
import drive from '@adonisjs/drive/services/main'
import type MediaItem from '#models/media_item'

/** File name extensions of the picture types, for storage keys and downloads. */
const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
}

export function extensionOf(contentType: string) {
  return EXTENSIONS[contentType] ?? 'bin'
}

/**
 * A new Drive key for one of the organization's pictures: random, so keys
 * say nothing about the picture and never collide.
 */
export function newMediaKey(
  organizationId: number,
  area: 'library' | 'inbound',
  contentType: string
) {
  return `${area}/${organizationId}/${randomUUID()}.${extensionOf(contentType)}`
}

/** Deletes a library picture's files: the original, and the sent copy unless texts still show it. */
export async function deleteMediaFiles(item: MediaItem, { keepSentCopy = false } = {}) {
  const disk = drive.use()
  const keys = keepSentCopy ? [item.originalKey] : [item.originalKey, item.storageKey]
  await Promise.all(keys.map((key) => disk.delete(key)))
}
