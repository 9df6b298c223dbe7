import { randomUUID } from 'node:crypto'
import drive from '@adonisjs/drive/services/main'
import { pictureType } from '#services/media/pictures'
import { extensionOf } from '#services/media/storage'
import { readSignedToken, signedMediaUrl } from '#services/media/sent_links'

const TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', gif: 'image/gif' }

/**
 * Keeps a picture a fake phone sends, as a carrier keeps an MMS's media,
 * and answers the link the app is told to fetch it from (signed, expiring,
 * the one picture only, like a provider's media URL).
 */
export async function keepPhonePicture(tmpPath: string) {
  const ext = extensionOf(await pictureType(tmpPath, 'picture'))
  const name = randomUUID()
  await drive.use().moveFromFs(tmpPath, `carrier/${name}.${ext}`)
  return signedMediaUrl('carrier', 'fake-carrier/media', `${name}-${ext}`)
}

/** The stored picture a carrier link names; `expired` or null as for any signed link. */
export function phonePictureOf(token: string) {
  const read = readSignedToken('carrier', token)
  if (read === null || read === 'expired') return read
  const match = /^([\da-f-]{36})-(jpg|png|gif)$/.exec(read.subject)
  if (!match) return null
  return { storageKey: `carrier/${match[1]}.${match[2]}`, contentType: TYPES[match[2]] }
}
