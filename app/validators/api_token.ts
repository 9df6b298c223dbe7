import vine from '@vinejs/vine'

export const createApiTokenValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(80),
})
