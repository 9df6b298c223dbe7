import { createHash } from 'node:crypto'

/** Only the hash of a reset token is stored; the link in the email carries the token itself. */
export function hashResetToken(token: string) {
  return createHash('sha256').update(token).digest('hex')
}
