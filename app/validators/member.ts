import vine from '@vinejs/vine'
import { INVITABLE_ROLES } from '#validators/invite'

export const changeRoleValidator = vine.create({
  role: vine.enum(INVITABLE_ROLES),
})

export const changeStatusValidator = vine.create({
  status: vine.enum(['active', 'suspended'] as const),
})
