import vine from '@vinejs/vine'

/**
 * `?page=&perPage=` (perPage at most 500): spread into a list's own filters
 * so every list pages the same way.
 */
export const paginationFields = () => ({
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().min(1).max(500).optional(),
})

/**
 * `?page=&perPage=` on every list endpoint without filters of its own.
 */
export const paginationValidator = vine.create(paginationFields())
