import { Secret, TOTP } from 'otpauth'
import QRCode from 'qrcode'
import { clock } from '#services/clock'

const PERIOD_MS = 30_000

/** Authenticator apps default to these: SHA-1, six digits, 30 seconds. */
function totpFor(secret: string, label = '') {
  return new TOTP({
    issuer: 'Porchlight',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_MS / 1000,
    secret: Secret.fromBase32(secret),
  })
}

/** A new random secret (160 bits, base32, as authenticator apps take it). */
export function newTotpSecret() {
  return new Secret({ size: 20 }).base32
}

/** What an authenticator app scans: the otpauth:// address as a QR image (a PNG data URL). */
export async function enrolmentQr(secret: string, email: string) {
  const uri = totpFor(secret, email).toString()
  return QRCode.toDataURL(uri, { margin: 1, width: 220 })
}

/**
 * The 30-second step `code` belongs to when it is the secret's code now, or
 * one step either side (a phone clock a little off, a code typed as it
 * changed); null when it is not.
 */
export function totpStepOf(secret: string, code: string) {
  const token = code.replace(/\s+/g, '')
  if (!/^\d{6}$/.test(token)) return null
  const now = clock.now().getTime()
  const delta = totpFor(secret).validate({ token, timestamp: now, window: 1 })
  return delta === null ? null : Math.floor(now / PERIOD_MS) + delta
}
