import { Secret, TOTP } from 'otpauth'
import QRCode from 'qrcode'
import { clock } from '#services/clock'

/** Authenticator apps default to these: SHA-1, six digits, 30 seconds. */
function totpFor(secret: string, label = '') {
  return new TOTP({
    issuer: 'Porchlight',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
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
 * Whether `code` is the secret's code now, or one step either side (a phone
 * clock a little off, a code typed as it changed).
 */
export function totpCodeIsRight(secret: string, code: string) {
  const token = code.replace(/\s+/g, '')
  if (!/^\d{6}$/.test(token)) return false
  return totpFor(secret).validate({ token, timestamp: clock.now().getTime(), window: 1 }) !== null
}
