import vine from '@vinejs/vine'

/**
 * Largest upload the media library takes: a phone's full-size photo or a
 * print flyer, fitted down to carrier limits once received.
 */
export const MAX_MEDIA_UPLOAD = '25mb'

export const mediaUploadValidator = vine.create({
  file: vine.file({ size: MAX_MEDIA_UPLOAD }),
})
