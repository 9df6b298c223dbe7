import {
  type CountryCode,
  getCountryCallingCode,
  parsePhoneNumberFromString,
} from 'libphonenumber-js'

/** Where a phone written without a country code is assumed to be. */
export const DEFAULT_REGION: CountryCode = 'US'

/**
 * E.164 for a phone written any common way ("(202) 555-0123", "202.555.0123",
 * "+1 202 555 0123"), or null when it cannot be a phone number. Lenient on
 * purpose (a possible number, not a provably assigned one): lookups must find
 * every stored number, and an opt-out is never harmful.
 */
export function toE164(input: string, region: CountryCode = DEFAULT_REGION): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), region)
  return parsed?.isPossible() ? parsed.number : null
}

const PHONE_LIKE = /^[\d\s()+.-]+$/

/**
 * What text typed in a search box says about a phone: a whole number
 * (`exact`, E.164), the E.164 beginnings it may be ("202555" → "+1202555"
 * in the US; "+4420" → "+4420"), or null when it is not phone-like or too
 * short to narrow anything down.
 */
export function phoneSearchTerms(
  text: string,
  region: CountryCode = DEFAULT_REGION
): { exact: string } | { prefixes: string[] } | null {
  if (!PHONE_LIKE.test(text)) return null
  const exact = toE164(text, region)
  if (exact) return { exact }
  const digits = text.replace(/\D/g, '')
  if (digits.length < 3) return null
  if (text.trim().startsWith('+')) return { prefixes: [`+${digits}`] }
  return { prefixes: [...new Set([`+${getCountryCallingCode(region)}${digits}`, `+${digits}`])] }
}
