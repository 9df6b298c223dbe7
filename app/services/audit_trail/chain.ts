import { createHash } from 'node:crypto'
import type { DateTime } from 'luxon'

/** What an event's hash covers: every column a reader of the trail relies on. */
export type ChainedFields = {
  organizationId: number
  userId: number | null
  action: string
  subjectType: string | null
  subjectId: number | null
  details: Record<string, unknown> | null
  createdAt: DateTime
}

/**
 * SHA-256 of the previous event's hash and this event's fields. Times are
 * whole seconds (what every database keeps of a timestamp column).
 */
export function eventHash(prevHash: string | null, event: ChainedFields) {
  const fields = [
    event.organizationId,
    event.userId,
    event.action,
    event.subjectType,
    event.subjectId,
    event.details,
    Math.floor(event.createdAt.toSeconds()),
  ]
  return createHash('sha256')
    .update(`${prevHash ?? ''}\n${JSON.stringify(fields)}`)
    .digest('hex')
}

/** Keys whose values never go into the trail, whatever a caller passes. */
const SECRET_KEY = /password|secret|token|api_?key|credential(?!sGiven)/i

/** The details with secret-looking values replaced, at any depth. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      SECRET_KEY.test(key) ? '[redacted]' : withoutSecrets(inner),
    ])
  )
}
