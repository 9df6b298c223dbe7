import {
  getCountryCallingCode,
  parsePhoneNumberWithError,
  ParseError,
  type CountryCode,
} from 'libphonenumber-js'
import type { Phrase } from '#exceptions/refusal_wording'

/**
 * Phone numbers as written in spreadsheets → E.164 with libphonenumber-js,
 * or the reason the number cannot be used.
 */
export type PhoneResult = { phone: string } | { error: string; phrase: Phrase }

/** What libphonenumber says: the E.164 form, not valid (in which country), or not parsable (why). */
type Verdict =
  { phone: string } | { invalidIn: string | null } | { unparsable: (typeof PARSE_REASONS)[string] }

const PARSE_REASONS: Record<string, { english: string; key: string }> = {
  NOT_A_NUMBER: { english: 'is not a phone number', key: 'imports.problems.notANumber' },
  TOO_SHORT: { english: 'is too short to be a phone number', key: 'imports.problems.tooShort' },
  TOO_LONG: { english: 'is too long to be a phone number', key: 'imports.problems.tooLong' },
  INVALID_LENGTH: {
    english: 'does not have the right number of digits',
    key: 'imports.problems.wrongLength',
  },
  INVALID_COUNTRY: {
    english: "has no country code (add one, e.g. +44, or set the import's default country)",
    key: 'imports.problems.noCountry',
  },
}

function verdictOf(value: string, region: CountryCode): Verdict {
  try {
    const parsed = parsePhoneNumberWithError(value, region)
    return parsed.isValid() ? { phone: parsed.number } : { invalidIn: parsed.country ?? null }
  } catch (error) {
    if (!(error instanceof ParseError)) throw error
    return { unparsable: PARSE_REASONS[error.message] ?? PARSE_REASONS.NOT_A_NUMBER }
  }
}

function describe(value: string, verdict: Verdict): PhoneResult {
  if ('phone' in verdict) return verdict
  const quoted = `“${value.length > 40 ? value.slice(0, 40) + '…' : value}”`
  const shown = value.length > 40 ? value.slice(0, 40) + '…' : value
  if ('unparsable' in verdict) {
    const { english, key } = verdict.unparsable
    return { error: `${quoted} ${english}`, phrase: { key, values: { value: shown } } }
  }
  return verdict.invalidIn
    ? {
        error: `${quoted} is not a valid phone number in ${verdict.invalidIn}`,
        phrase: {
          key: 'imports.problems.invalidIn',
          values: { value: shown, country: verdict.invalidIn },
        },
      }
    : {
        error: `${quoted} is not a valid phone number`,
        phrase: { key: 'imports.problems.invalid', values: { value: shown } },
      }
}

/**
 * North American numbers (+1) are most of what campaigns import, and whether
 * libphonenumber's metadata accepts one depends only on its area code,
 * exchange and next digit (tests/unit/importer/phone.spec.ts checks this over
 * every area code). The verdict for those 7 digits is remembered, which saves
 * most of the parsing work — and its garbage — on large files.
 */
const nanpVerdicts = new Map<string, Verdict>()
const MAX_REMEMBERED = 500_000
/** Digits with the usual separators only: no letters, no extension. */
const PLAIN_NUMBER = /^\+?[\d\s().\-/]+$/

/** The 10-digit national number of a plainly written +1 number, else null. */
function nanpNational(value: string) {
  if (!PLAIN_NUMBER.test(value)) return null
  const digits = value.replace(/\D/g, '')
  if (digits.length === 10 && !value.startsWith('+')) return digits
  if (digits.length === 11 && digits.startsWith('1')) return digits.slice(1)
  return null
}

/** E.164, or why not. `region` is where numbers written without a country code are. */
export function normalizePhone(raw: string, region: CountryCode): PhoneResult {
  const value = raw.trim()
  if (!value) return { error: 'No phone number', phrase: { key: 'imports.problems.noPhone' } }
  const national = getCountryCallingCode(region) === '1' ? nanpNational(value) : null
  if (national === null) return describe(value, verdictOf(value, region))

  const key = national.slice(0, 7)
  let verdict = nanpVerdicts.get(key)
  if (!verdict) {
    verdict = verdictOf(national, region)
    if (nanpVerdicts.size >= MAX_REMEMBERED) nanpVerdicts.clear()
    nanpVerdicts.set(key, 'phone' in verdict ? { phone: '' } : verdict)
  }
  return 'phone' in verdict ? { phone: `+1${national}` } : describe(value, verdict)
}
