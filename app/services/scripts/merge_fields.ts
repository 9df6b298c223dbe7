/**
 * Merge fields in scripts (API.md "Merge fields"): `{firstName}`,
 * `{lastName}`, `{zip}`, `{texterName}` (the texter's first name),
 * `{orgName}`, and any custom field by its header, e.g. `{Volunteer Level}`.
 *
 * Custom headers match exactly first (headers are kept as written in the
 * imported file). When no header matches exactly, a single header that
 * matches ignoring case is used: authors retype headers ("{volunteer level}")
 * and silently sending an empty value would be worse. Two headers differing
 * only in case never match loosely. Built-in names match exactly.
 */

export const BUILT_IN_FIELDS = ['firstName', 'lastName', 'zip', 'texterName', 'orgName'] as const
type BuiltInField = (typeof BUILT_IN_FIELDS)[number]

const isBuiltIn = (name: string): name is BuiltInField =>
  (BUILT_IN_FIELDS as readonly string[]).includes(name)

/** A field name is anything but braces and line breaks between braces, spaces around it ignored. */
const MERGE_FIELD = /\{([^{}\r\n]{1,100})\}/g

export type MergeContact = {
  firstName: string | null
  lastName: string | null
  zip: string | null
  customFields: Record<string, string> | null
}

export type MergeContext = {
  /** Without a contact, its fields stay as written (a template preview) and are not "missing". */
  contact?: MergeContact | null
  /** The texter sending; `{texterName}` is the first word of their name. */
  texter?: { fullName: string } | null
  organization: { name: string }
}

/** The distinct field names a body uses, in order of first use. */
export function mergeFieldNames(body: string) {
  return [...new Set([...body.matchAll(MERGE_FIELD)].map((match) => match[1].trim()))]
}

/** The header a custom field name resolves to among `headers`, per the rule above. */
export function resolveHeader(name: string, headers: Iterable<string>): string | undefined {
  const all = [...headers]
  if (all.includes(name)) return name
  const loose = all.filter((header) => header.toLowerCase() === name.toLowerCase())
  return loose.length === 1 ? loose[0] : undefined
}

const blank = (value: string | null | undefined) => !value?.trim()

/** A field's value for this context; undefined when it has none, null when not resolvable here. */
function valueOf(name: string, context: MergeContext): string | undefined | null {
  const { contact, texter, organization } = context
  if (name === 'orgName') return organization.name
  if (name === 'texterName') return texter?.fullName.trim().split(/\s+/)[0] || undefined
  if (!contact) return null
  if (name === 'firstName' || name === 'lastName' || name === 'zip') {
    return blank(contact[name]) ? undefined : contact[name]!
  }
  const fields = contact.customFields ?? {}
  const header = resolveHeader(name, Object.keys(fields))
  return header === undefined || blank(fields[header]) ? undefined : fields[header]
}

export type Rendered = { rendered: string; missingFields: string[] }

/** The body with every field filled in; a field without a value becomes empty and is reported. */
export function renderScript(body: string, context: MergeContext): Rendered {
  const missing = new Set<string>()
  const rendered = body.replace(MERGE_FIELD, (whole, raw: string) => {
    const name = raw.trim()
    const value = valueOf(name, context)
    if (value === null) return whole
    if (value === undefined) {
      missing.add(name)
      return ''
    }
    return value
  })
  return { rendered, missingFields: [...missing] }
}

/**
 * Names that are neither built in nor one of `customHeaders` (loosely, as
 * above), with the field the author probably meant when one is close.
 */
export function unknownMergeFields(body: string, customHeaders: Iterable<string>) {
  const headers = [...customHeaders]
  return mergeFieldNames(body)
    .filter((name) => !isBuiltIn(name) && resolveHeader(name, headers) === undefined)
    .map((name) => ({
      name,
      suggestion: BUILT_IN_FIELDS.find((field) => field.toLowerCase() === name.toLowerCase()),
    }))
}
