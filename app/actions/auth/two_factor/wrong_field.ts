import { refusedField } from '#exceptions/worded_issues'

/** A form error on `field`, shown under it like a validation error, in the reader's language. */
export function wrongField(field: string, key: string) {
  return refusedField(field, field, key)
}
