import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { toE164 } from '#services/contacts/phone_numbers'

/**
 * A phone written any common way, handed on as E.164.
 */
const e164 = vine.createRule((value: unknown, _options: undefined, field: FieldContext) => {
  if (typeof value !== 'string') return
  const normalized = toE164(value)
  if (normalized) field.mutate(normalized, field)
  else
    field.report('Enter a phone number, such as (202) 555-0143 or +44 20 7946 0958', 'phone', field)
})

export const phone = () => vine.string().trim().maxLength(40).use(e164())
