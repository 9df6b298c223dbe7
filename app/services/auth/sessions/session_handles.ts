import { createHash } from 'node:crypto'

/**
 * A session's id is its cookie's secret, so pages never see it: they name a
 * session by a hash of it instead.
 */
export function sessionHandle(sessionId: string) {
  return createHash('sha256').update(sessionId).digest('hex').slice(0, 32)
}
