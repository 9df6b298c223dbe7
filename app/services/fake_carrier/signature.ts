import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * How the fake carrier signs the webhooks it posts: HMAC-SHA256 with the
 * account's signing secret over `${timestamp}.${rawBody}`, hex encoded, with
 * the Unix timestamp in its own header (the same idea as Telnyx's and
 * Stripe's schemes, so stale and replayed requests can be refused).
 */
export const SIGNATURE_HEADER = 'x-fake-carrier-signature'
export const TIMESTAMP_HEADER = 'x-fake-carrier-timestamp'

/** Requests signed further than this from now are refused. */
export const TOLERANCE_SECONDS = 300

export function signature(secret: string, timestamp: string, rawBody: string) {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')
}

/**
 * The headers to send with `rawBody`.
 */
export function signedHeaders(secret: string, rawBody: string, now = Date.now()) {
  const timestamp = String(Math.floor(now / 1000))
  return {
    'content-type': 'application/json',
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: signature(secret, timestamp, rawBody),
  }
}

export function isValidSignature(
  secret: string,
  timestamp: string | undefined,
  given: string | undefined,
  rawBody: string,
  now = Date.now()
) {
  if (!secret || !timestamp || !given || !/^\d+$/.test(timestamp)) return false
  if (Math.abs(now / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return false
  const expected = Buffer.from(signature(secret, timestamp, rawBody), 'hex')
  const actual = Buffer.from(given, 'hex')
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
