import vine, { errors } from '@vinejs/vine'
import { isSupportedCountry } from 'libphonenumber-js'
import { IMPORT_FIELDS, type ImportMapping } from '#models/import'

/** The most an upload may weigh; a million-row voter file is about 150 MB. */
export const MAX_IMPORT_BYTES = '200mb'

const supportedCountry = vine.createRule((value, _options, field) => {
  if (typeof value === 'string' && !isSupportedCountry(value)) {
    field.report('The {{ field }} field must be a country code such as US', 'region', field)
  }
})

const region = () => vine.string().trim().toUpperCase().fixedLength(2).use(supportedCountry())

export const createImportValidator = vine.create({
  file: vine.file({ size: MAX_IMPORT_BYTES }),
  list: vine.string().trim().minLength(1).maxLength(120).optional(),
  defaultRegion: region().optional(),
  mapping: vine.any().optional(),
})

export const startImportValidator = vine.create({
  list: vine.string().trim().minLength(1).maxLength(120),
  defaultRegion: region(),
  mapping: vine.any().optional(),
})

const header = () => vine.string().trim().maxLength(255)
const mappingShape = vine.create({
  mapping: vine.object({
    ...Object.fromEntries(IMPORT_FIELDS.map((field) => [field, header().nullable().optional()])),
    ignore: vine.array(header()).optional(),
  }),
})

/**
 * The `mapping` field: field → header (null leaves the field empty) and
 * `ignore` (headers to leave out), as JSON text in multipart forms.
 */
export async function parseMapping(raw: unknown): Promise<ImportMapping | null> {
  if (raw === undefined || raw === null || raw === '') return null
  let value = raw
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw)
    } catch {
      throw new errors.E_VALIDATION_ERROR([
        {
          message: 'The mapping field must be JSON, e.g. {"phone":"Cell"}',
          field: 'mapping',
          rule: 'json',
        },
      ])
    }
  }
  const { mapping } = await mappingShape.validate({ mapping: value })
  return mapping as ImportMapping
}
