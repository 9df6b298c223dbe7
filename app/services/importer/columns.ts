import { IMPORT_FIELDS, type ImportField, type ImportMapping } from '#models/import'
import ImportFailure from '#services/importer/import_failure'

/**
 * Which contact field each column fills (API.md "Column detection"): headers
 * match known names case-, space- and underscore-insensitively; every other
 * column is a custom field keyed by its header as written. An explicit
 * mapping (field → header) overrides the detection.
 */

export type ColumnTarget =
  { kind: 'field'; field: ImportField } | { kind: 'custom'; key: string } | { kind: 'ignore' }

export type Column = { index: number; header: string; target: ColumnTarget }

const ALIASES: Record<ImportField, string[]> = {
  phone: [
    'phone',
    'cell',
    'cellphone',
    'mobile',
    'mobilephone',
    'phonenumber',
    'cellnumber',
    'cellphonenumber',
    'mobilenumber',
  ],
  firstName: ['firstname', 'fname', 'first', 'givenname'],
  lastName: ['lastname', 'lname', 'last', 'surname', 'familyname'],
  zip: ['zip', 'zipcode', 'postalcode', 'postcode', 'zip5'],
  externalId: ['externalid', 'vanid'],
  email: ['email', 'emailaddress'],
  optInSource: ['optinsource', 'consentsource'],
  optInDate: ['optindate', 'optedinat', 'optedinon', 'consentdate'],
}

export const FIELD_LABELS: Record<ImportField, string> = {
  phone: 'Phone',
  firstName: 'First name',
  lastName: 'Last name',
  zip: 'ZIP code',
  externalId: 'External ID',
  email: 'Email',
  optInSource: 'Opt-in source',
  optInDate: 'Opt-in date',
}

/** "Cell Phone", "cell_phone", "CELLPHONE" and "E-mail" all reduce to one key. */
export const headerKey = (header: string) => header.toLowerCase().replace(/[\s_\-.]+/g, '')

const fieldByAlias = new Map(
  IMPORT_FIELDS.flatMap((field) => ALIASES[field].map((alias) => [alias, field] as const))
)

function uniqueCustomKey(header: string, index: number, taken: Set<string>) {
  const base = header || `Column ${index + 1}`
  let key = base
  for (let n = 2; taken.has(key); n++) key = `${base} (${n})`
  taken.add(key)
  return key
}

function findHeader(headers: string[], wanted: string) {
  const exact = headers.findIndex((header) => header === wanted.trim())
  if (exact !== -1) return exact
  return headers.findIndex((header) => headerKey(header) === headerKey(wanted))
}

/**
 * Which column fills what. Fails when the mapping names a header the file
 * does not have.
 */
export function detectColumns(
  rawHeaders: string[],
  mapping: ImportMapping | null = null
): Column[] {
  const headers = rawHeaders.map((header) => header.trim())
  const targets: (ColumnTarget | null)[] = headers.map(() => null)

  for (const header of mapping?.ignore ?? []) {
    const index = findHeader(headers, header)
    if (index !== -1) targets[index] = { kind: 'ignore' }
  }

  const assigned = new Set<ImportField>()
  for (const field of IMPORT_FIELDS) {
    const wanted = mapping?.[field]
    if (wanted === undefined) continue
    assigned.add(field)
    if (wanted === null || wanted === '') continue
    const index = findHeader(headers, wanted)
    if (index === -1) {
      throw new ImportFailure(
        `The column mapping uses a column “${wanted}” for ${FIELD_LABELS[field]}, but the file has no such column. Its columns are: ${headers.join(', ')}.`,
        {
          key: 'imports.failures.noSuchColumn',
          values: { column: wanted, field, columns: headers.join(', ') },
        }
      )
    }
    targets[index] = { kind: 'field', field }
  }

  // Detection fills the remaining fields; the first matching column wins.
  headers.forEach((header, index) => {
    if (targets[index]) return
    const field = fieldByAlias.get(headerKey(header))
    if (field && !assigned.has(field)) {
      assigned.add(field)
      targets[index] = { kind: 'field', field }
    }
  })

  const taken = new Set<string>()
  return headers.map((header, index) => ({
    index,
    header,
    target: targets[index] ?? {
      kind: 'custom' as const,
      key: uniqueCustomKey(header, index, taken),
    },
  }))
}

/** The columns of an import that can run: one of them must hold phone numbers. */
export function planColumns(headers: string[], mapping: ImportMapping | null = null): Column[] {
  const columns = detectColumns(headers, mapping)
  if (
    !columns.some((column) => column.target.kind === 'field' && column.target.field === 'phone')
  ) {
    throw new ImportFailure(
      `We could not find a column of phone numbers. Name it “Phone” (or Cell, Mobile, Phone Number), or choose it in the column mapping. The columns in the file are: ${headers.join(', ') || '(none)'}.`,
      { key: 'imports.failures.noPhoneColumn', values: { columns: headers.join(', ') || '—' } }
    )
  }
  return columns
}

/** The mapping as the wizard shows it: each field → the header that fills it. */
export function describeMapping(columns: Column[]) {
  const fields: Partial<Record<ImportField, string>> = {}
  for (const { header, target } of columns) {
    if (target.kind === 'field') fields[target.field] = header
  }
  return fields
}
