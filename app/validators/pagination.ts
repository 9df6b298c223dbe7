import vine from '@vinejs/vine'

/**
 * `?page=&perPage=` on every list endpoint (perPage at most 500).
 */
export const paginationValidator = vine.create({
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().min(1).max(500).optional(),
})
