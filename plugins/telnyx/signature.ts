import { createPublicKey, verify, type KeyObject } from 'node:crypto'

/**
 * Telnyx signs each webhook with Ed25519 over `${timestamp}|${rawBody}`;
 * the public key is on the Telnyx portal (base64 of the 32-byte raw key).
 */
export const SIGNATURE_HEADER = 'telnyx-signature-ed25519'
export const TIMESTAMP_HEADER = 'telnyx-timestamp'

/** Requests signed further than this from now are refused (replays). */
export const TOLERANCE_SECONDS = 300

/** DER prefix turning a raw Ed25519 public key into an SPKI document. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex')

/**
 * The account's public key, or null when it is not a 32-byte Ed25519 key.
 */
export function telnyxPublicKey(base64: string | undefined): KeyObject | null {
  const raw = Buffer.from(base64 ?? '', 'base64')
  if (raw.length !== 32) return null
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' })
}

export function isValidTelnyxSignature(
  publicKey: KeyObject | null,
  timestamp: string | undefined,
  signature: string | undefined,
  rawBody: string,
  now = Date.now()
) {
  if (!publicKey || !timestamp || !signature || !/^\d+$/.test(timestamp)) return false
  if (Math.abs(now / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return false
  return verify(
    null,
    Buffer.from(`${timestamp}|${rawBody}`, 'utf-8'),
    publicKey,
    Buffer.from(signature, 'base64')
  )
}
