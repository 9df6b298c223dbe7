import vine from '@vinejs/vine'

/**
 * The definition itself is checked by `validateDefinition` (a recursive
 * language with its own precise messages); here only that it is an object.
 */
export const segmentValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(120),
  definition: vine.any(),
})

export const renameSegmentValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(120),
  definition: vine.any().optional(),
})

export const segmentPreviewValidator = vine.create({
  definition: vine.any(),
})
