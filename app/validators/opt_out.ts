import vine from '@vinejs/vine'
import { phone } from '#validators/phone'

export const optOutValidator = vine.create({
  phone: phone(),
  reason: vine.string().trim().maxLength(255).optional(),
})

/** Taking someone off the list needs a reason: it is the record of their consent. */
export const liftOptOutValidator = vine.create({
  reason: vine.string().trim().minLength(3).maxLength(255),
})

/** The opt-out page's search box: a whole phone or its beginning, any format. */
export const optOutSearchValidator = vine.create({
  phone: vine.string().trim().maxLength(40).optional(),
  page: vine.number().withoutDecimals().min(1).max(100_000).optional(),
  perPage: vine.number().withoutDecimals().min(1).max(500).optional(),
})

/** The most an opt-out upload may weigh. */
export const MAX_OPT_OUT_UPLOAD = '2mb'

/** A small CSV of phones (one per row, or a column named like "phone"). */
export const optOutImportValidator = vine.create({
  file: vine.file({ size: MAX_OPT_OUT_UPLOAD, extnames: ['csv', 'txt'] }),
  reason: vine.string().trim().maxLength(255).optional(),
})

/** `GET /api/v1/opt-outs`: one whole phone, any format. */
export const optOutFiltersValidator = vine.create({
  phone: phone().optional(),
  page: vine.number().withoutDecimals().min(1).max(100_000).optional(),
  perPage: vine.number().withoutDecimals().min(1).max(500).optional(),
})
