import { createHash, timingSafeEqual } from 'node:crypto'
import env from '#start/env'
import { registry } from '#services/metrics/registry'

type Outcome =
  | { status: 'disabled' }
  | { status: 'unauthorized' }
  | { status: 'ok'; contentType: string; body: string }

/** Hashed first so the comparison takes the same time whatever the lengths. */
function sameSecret(given: string, expected: string) {
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(given), digest(expected))
}

/**
 * The Prometheus scrape: off unless METRICS_TOKEN is set, then only for a
 * request bearing that token.
 */
export default class ShowMetrics {
  static async handle(authorization: string | undefined): Promise<Outcome> {
    const token = env.get('METRICS_TOKEN')
    if (!token) return { status: 'disabled' }
    const given = authorization?.match(/^Bearer (.+)$/)?.[1] ?? ''
    if (!sameSecret(given, token)) return { status: 'unauthorized' }
    return { status: 'ok', contentType: registry.contentType, body: await registry.metrics() }
  }
}
