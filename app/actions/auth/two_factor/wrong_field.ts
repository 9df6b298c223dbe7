import { errors as vineErrors } from '@vinejs/vine'

/** A form error on `field`, shown under it like a validation error. */
export function wrongField(field: string, message: string) {
  return new vineErrors.E_VALIDATION_ERROR([{ field, message, rule: field }])
}
