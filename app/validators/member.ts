import vine from '@vinejs/vine'
import { MEMBERSHIP_STATUSES, ROLES } from '#models/membership'
import { INVITABLE_ROLES } from '#validators/invite'
import { paginationFields } from '#validators/pagination'

export const changeRoleValidator = vine.create({
  role: vine.enum(INVITABLE_ROLES),
})

export const changeStatusValidator = vine.create({
  status: vine.enum(['active', 'suspended'] as const),
})

/** `GET /api/v1/members`: one role, one membership status, with the usual paging. */
export const memberFiltersValidator = vine.create({
  role: vine.enum(ROLES).optional(),
  status: vine.enum(MEMBERSHIP_STATUSES).optional(),
  ...paginationFields(),
})
