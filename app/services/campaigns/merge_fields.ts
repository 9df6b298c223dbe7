/**
 * The merge fields a script uses, by name as written between braces
 * (`{firstName}`, `{Volunteer Level}`), in order of first use.
 */
export function mergeFieldsOf(bodies: string[]) {
  const names = new Set<string>()
  for (const body of bodies) {
    for (const match of body.matchAll(/\{([^{}\n]+)\}/g)) names.add(match[1].trim())
  }
  return [...names]
}

/** Fields filled from the texter and the organization, never missing for a contact. */
export const SENDER_FIELDS = new Set(['texterName', 'orgName'])

/** Contact columns behind the built-in fields; any other name is a custom field. */
export const CONTACT_FIELD_COLUMNS: Record<string, string> = {
  firstName: 'contacts.first_name',
  lastName: 'contacts.last_name',
  zip: 'contacts.zip',
}
