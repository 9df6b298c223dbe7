import { DateTime } from 'luxon'

export type CampaignVerifyToken = {
  valid: boolean
  /** Why the token cannot be right, when it is not: in English, and as a catalogue key. */
  error?: string
  errorKey?: string
  /** When it stops being accepted, when the token says. */
  expiresAt: DateTime | null
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Checks a pasted Campaign Verify token: six pipe-delimited fields,
 * "cv|<version>|tcr|10dlc|<verification id>|<signed part>". The signed part
 * is a JWT-style triple whose payload carries `exp` (Unix seconds); when it
 * does, that is the expiry shown.
 */
export function parseCampaignVerifyToken(raw: string): CampaignVerifyToken {
  const fields = raw.trim().split('|')
  const invalid = (error: string, key: string) => ({
    valid: false,
    error,
    errorKey: `refusals.registration.token.${key}`,
    expiresAt: null,
  })
  if (fields.length !== 6) {
    return invalid('A Campaign Verify token has six fields separated by "|"', 'sixFields')
  }
  const [prefix, version, registry, product, id, signed] = fields
  if (prefix.toLowerCase() !== 'cv' || !/^\d+(\.\d+)*$/.test(version)) {
    return invalid('A Campaign Verify token starts with "cv|" and a version number', 'prefix')
  }
  if (registry.toLowerCase() !== 'tcr' || product.toLowerCase() !== '10dlc') {
    return invalid(
      'This token is not for 10DLC registration with The Campaign Registry',
      'not10dlc'
    )
  }
  if (!UUID.test(id)) {
    return invalid('The verification id in the token is not well formed', 'badId')
  }
  if (!signed) return invalid('The token is cut short: its last field is empty', 'cutShort')
  return { valid: true, expiresAt: signedExpiry(signed) }
}

function signedExpiry(signed: string): DateTime | null {
  const payload = signed.split('.')[1]
  if (!payload) return null
  try {
    const exp = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))?.exp
    return typeof exp === 'number' ? DateTime.fromSeconds(exp, { zone: 'utc' }) : null
  } catch {
    return null
  }
}

/** The end (UTC) of the day Campaign Verify says a token expires, as typed on the brand form. */
export function tokenExpiry(day: string | undefined): DateTime | null {
  if (!day) return null
  const parsed = DateTime.fromISO(day, { zone: 'utc' })
  return parsed.isValid ? parsed.endOf('day') : null
}
