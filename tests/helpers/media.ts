import { randomBytes } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import app from '@adonisjs/core/services/app'
import type Membership from '#models/membership'
import CreateMediaItem from '#actions/media/create_media_item'
import { UPLOAD_TMP_DIR } from '#services/uploads'

/** A small PNG of one colour. */
export function pngPicture(width = 40, height = 30) {
  return sharp({
    create: { width, height, channels: 3, background: { r: 200, g: 80, b: 20 } },
  })
    .png()
    .toBuffer()
}

/**
 * A photo-sized JPEG of random noise (which hardly compresses), about
 * 20 MB at the default size: the kind of file a phone camera hands over.
 */
export function bigPhoto(width = 3000, height = 2400) {
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 100, chromaSubsampling: '4:4:4' })
    .toBuffer()
}

/** Writes `data` to a file in the test's temp folder and answers its path. */
export async function pictureFile(name: string, data: Buffer | string) {
  const dir = app.tmpPath(`media-test-${randomBytes(6).toString('hex')}`)
  await mkdir(dir, { recursive: true })
  const path = join(dir, name)
  await writeFile(path, data)
  return path
}

/** A picture in `actor`'s library, added as an upload would be. */
export async function libraryPicture(actor: Membership, name = 'flyer.png') {
  const tmpPath = join(UPLOAD_TMP_DIR, randomBytes(8).toString('hex'))
  await mkdir(UPLOAD_TMP_DIR, { recursive: true })
  const data = await pngPicture()
  await writeFile(tmpPath, data)
  return CreateMediaItem.handle({ actor, file: { tmpPath, clientName: name, size: data.length } })
}
