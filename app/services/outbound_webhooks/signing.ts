import { createHmac, randomBytes } from 'node:crypto'

const PREFIX = 'whsec_'

/** A new endpoint secret: "whsec_" and 32 random bytes in base64 (Standard Webhooks). */
export function generateSecret() {
  return `${PREFIX}${randomBytes(32).toString('base64')}`
}

/**
 * The Standard Webhooks headers for one attempt: the signature is
 * `v1,` + base64 HMAC-SHA256 of "id.timestamp.body", keyed with the
 * base64-decoded part of the secret after "whsec_".
 */
export function signedHeaders(secret: string, webhookId: string, at: Date, body: string) {
  const timestamp = String(Math.floor(at.getTime() / 1000))
  const key = Buffer.from(secret.slice(PREFIX.length), 'base64')
  const signature = createHmac('sha256', key)
    .update(`${webhookId}.${timestamp}.${body}`)
    .digest('base64')
  return {
    'webhook-id': webhookId,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${signature}`,
  }
}
