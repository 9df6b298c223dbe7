import { refusedField } from '#exceptions/worded_issues'
import { readFile } from 'node:fs/promises'
import { fileTypeFromFile } from 'file-type'
import sharp from 'sharp'
import type { MediaLimitsContract } from '#sms/types'
import { LIBRARY_TYPES } from '#services/media/limits'

/** A picture ready to store: its bytes and what they are. */
export type FittedPicture = {
  data: Buffer
  contentType: string
  width: number
  height: number
}

/** JPEG qualities tried, best first, before the picture is made smaller. */
const JPEG_QUALITIES = [82, 70, 58, 46]

/** Below this many pixels on the longer side a picture is no longer worth sending. */
const MIN_DIMENSION = 160

/** Refuses the upload in the validator's terms: the API shows the English wording, forms the reader's. */
function refuse(key: string, values?: Record<string, string>, field = 'file'): never {
  throw refusedField(field, 'picture', key, values)
}

/**
 * The picture type of the file at `path`, read from its content (a PNG named
 * .txt is a PNG); refused with a clear message when it is not JPEG, PNG or GIF.
 */
export async function pictureType(path: string, field = 'file') {
  const detected = await fileTypeFromFile(path)
  if (detected && LIBRARY_TYPES.includes(detected.mime)) return detected.mime
  if (detected) refuse('refusals.fields.pictureType', { type: detected.ext.toUpperCase() }, field)
  refuse('refusals.fields.pictureUnreadableType', undefined, field)
}

/** Width and height of a picture (one frame of an animated GIF). */
async function sizeOf(data: Buffer | string) {
  const meta = await sharp(data, { animated: true }).metadata()
  return { width: meta.width ?? 0, height: meta.pageHeight ?? meta.height ?? 0 }
}

/** The picture encoded as `contentType` within `dimension` px, at the given JPEG quality. */
function encode(path: string, contentType: string, dimension: number, quality: number) {
  const animated = contentType === 'image/gif'
  let image = sharp(path, { animated })
    .rotate()
    .resize({ width: dimension, height: dimension, fit: 'inside', withoutEnlargement: true })
  if (contentType === 'image/gif') image = image.gif({ effort: 10 })
  else if (contentType === 'image/png') image = image.png({ compressionLevel: 9, palette: true })
  else image = image.flatten({ background: '#ffffff' }).jpeg({ quality, mozjpeg: true })
  return image.toBuffer()
}

/**
 * The picture at `path` (of `contentType`) fitted to `limits`: kept as it is
 * when it already fits; otherwise scaled down and re-encoded (a PNG or GIF
 * that stays too big, or a type the provider does not take, becomes a JPEG)
 * until it is under `limits.maxBytes`.
 */
export async function fitPicture(
  path: string,
  contentType: string,
  size: number,
  limits: MediaLimitsContract
): Promise<FittedPicture> {
  let original: { width: number; height: number }
  try {
    original = await sizeOf(path)
  } catch {
    refuse('refusals.fields.pictureDamaged')
  }
  const longer = Math.max(original.width, original.height)
  const allowed = limits.contentTypes.includes(contentType)
  if (allowed && size <= limits.maxBytes && longer <= limits.maxDimension) {
    return { data: await readFile(path), contentType, ...original }
  }

  const types =
    allowed && contentType !== 'image/jpeg' ? [contentType, 'image/jpeg'] : ['image/jpeg']
  for (
    let dimension = Math.min(longer, limits.maxDimension);
    dimension >= MIN_DIMENSION;
    dimension = Math.floor(dimension * 0.75)
  ) {
    for (const type of types) {
      const qualities = type === 'image/jpeg' ? JPEG_QUALITIES : [0]
      for (const quality of qualities) {
        const data = await encode(path, type, dimension, quality)
        if (data.length <= limits.maxBytes)
          return { data, contentType: type, ...(await sizeOf(data)) }
      }
    }
  }
  refuse('refusals.fields.pictureTooBig')
}
