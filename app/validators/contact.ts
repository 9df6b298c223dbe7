import vine from '@vinejs/vine'
import type { Infer } from '@vinejs/vine/types'
import { phone } from '#validators/phone'

const id = () => vine.number().withoutDecimals().min(1)

/**
 * The contacts table's filters (`GET /contacts`) and the API's
 * (`GET /api/v1/contacts`), with `?page=&perPage=` (perPage at most 500).
 */
export const contactFiltersValidator = vine.create({
  search: vine.string().trim().maxLength(100).optional(),
  phone: phone().optional(),
  listId: id().optional(),
  tag: vine.string().trim().maxLength(80).optional(),
  tagId: id().optional(),
  optedOut: vine.boolean().optional(),
  page: vine.number().withoutDecimals().min(1).max(100_000).optional(),
  perPage: vine.number().withoutDecimals().min(1).max(500).optional(),
})

/**
 * The contact page's edit form. Custom fields arrive as rows of header and
 * value so people can rename a header or clear a value.
 */
export const updateContactValidator = vine.create({
  firstName: vine.string().trim().maxLength(120).nullable(),
  lastName: vine.string().trim().maxLength(120).nullable(),
  zip: vine
    .string()
    .trim()
    .regex(/^\d{5}(-?\d{4})?$/)
    .nullable(),
  state: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .nullable(),
  customFields: vine
    .array(
      vine.object({
        name: vine.string().trim().minLength(1).maxLength(120),
        value: vine.string().trim().maxLength(1000).nullable(),
      })
    )
    .maxLength(100)
    .distinct('name')
    .optional(),
  tagIds: vine.array(id()).maxLength(200).distinct().optional(),
  listIds: vine.array(id()).maxLength(500).distinct().optional(),
})

/**
 * Several contacts chosen in the table, added to or taken off a list or a tag.
 */
export const bulkMembershipValidator = vine.create({
  contactIds: vine.array(id()).minLength(1).maxLength(500).distinct(),
  action: vine.enum(['add', 'remove']),
  listId: id().optional().requiredIfMissing('tagId'),
  tagId: id().optional(),
})

export const eraseContactValidator = vine.create({
  optOut: vine.boolean().optional(),
})

/** Most contacts one `PUT /api/v1/contacts` takes. */
export const MAX_UPSERT_CONTACTS = 1000

/** `PUT /api/v1/contacts`: each item is checked on its own, so a bad one fails alone. */
export const upsertContactsValidator = vine.create({
  contacts: vine.array(vine.any()).minLength(1).maxLength(MAX_UPSERT_CONTACTS),
})

const field = (limit: number) => vine.string().trim().maxLength(limit).nullable().optional()
const names = (limit: number) =>
  vine.array(vine.string().trim().minLength(1).maxLength(limit)).maxLength(50).optional()

/** One contact of `PUT /api/v1/contacts`; sizes as the contacts table's. */
export const upsertContactItemValidator = vine.create({
  phone: vine.string().trim().minLength(1).maxLength(40),
  firstName: field(120),
  lastName: field(120),
  zip: field(10),
  email: field(254),
  externalId: field(120),
  customFields: vine.record(vine.string().maxLength(1000)).optional(),
  lists: names(120),
  tags: names(80),
})

/**
 * `PATCH /api/v1/contacts/:id`: fields sent are set (null clears), others
 * kept; a custom field sent as null is removed; `lists`/`tags` replace the
 * contact's.
 */
export const patchContactValidator = vine.create({
  firstName: field(120),
  lastName: field(120),
  zip: field(10),
  email: field(254),
  externalId: field(120),
  customFields: vine.record(vine.string().maxLength(1000).nullable()).optional(),
  lists: names(120),
  tags: names(80),
})

export type UpsertContactItem = Infer<typeof upsertContactItemValidator>
