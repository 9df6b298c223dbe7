import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import webhooksConfig from '#config/webhooks'
import { changedRows, claimRows, releaseExpiredClaims } from '#services/db/row_locks'
import { sqlTime } from '#services/db/sql_time'
import { GroupCommit } from '#services/db/group_commit'
import { disableEndpoint } from '#services/outbound_webhooks/endpoints'
import type { PostOutcome } from '#services/outbound_webhooks/post'

/** A claimed delivery, with the event it carries. */
export type ClaimedDelivery = {
  id: number
  organizationId: number
  endpointId: number
  attempts: number
  createdAt: Date
  webhookId: string
  body: string
}

/** Deliveries not yet settled: a later one with the same ordering key waits for them. */
const UNSETTLED = ['pending', 'delivering']

/**
 * Takes up to `limit` due deliveries for one worker, atomically (MySQL:
 * FOR UPDATE SKIP LOCKED; SQLite: one conditional UPDATE), skipping any
 * whose ordering key has an earlier unsettled delivery to the same
 * endpoint, so events about one contact arrive in order.
 */
export async function claimDue(token: string, limit: number, now: Date) {
  const enabled = await db.from('webhook_endpoints').where('enabled', true).select('id')
  if (!enabled.length) return []
  const at = sqlTime(now)
  const claim = { status: 'delivering', claimed_at: at, claimed_by: token }

  const dueRows = (query: any) =>
    query
      .from('webhook_deliveries as d')
      .where('d.status', 'pending')
      .where('d.next_attempt_at', '<=', at)
      .whereIn(
        'd.endpoint_id',
        enabled.map((row) => row.id as number)
      )
      .whereNotExists((earlier: any) =>
        earlier
          .from('webhook_deliveries as e')
          .whereColumn('e.endpoint_id', 'd.endpoint_id')
          .whereColumn('e.ordering_key', 'd.ordering_key')
          .whereColumn('e.id', '<', 'd.id')
          .whereIn('e.status', UNSETTLED)
      )
      .orderBy('d.id')
      .limit(limit)
      .select('d.id')

  if (!(await claimRows('webhook_deliveries', dueRows, claim))) return []

  const rows = await db
    .from('webhook_deliveries as d')
    .join('domain_events as ev', 'ev.id', 'd.event_id')
    .where('d.claimed_by', token)
    .where('d.status', 'delivering')
    .orderBy('d.id')
    .select(
      'd.id',
      'd.organization_id',
      'd.endpoint_id',
      'd.attempts',
      'd.created_at',
      'ev.public_id',
      'ev.payload'
    )
  return rows.map((row): ClaimedDelivery => ({
    id: row.id,
    organizationId: row.organization_id,
    endpointId: row.endpoint_id,
    attempts: row.attempts,
    createdAt: new Date(row.created_at),
    webhookId: row.public_id,
    body: row.payload,
  }))
}

/**
 * Deliveries claimed longer ago than the lease lost their worker (it died
 * or hung mid-request): they go back to the queue, due now, and keep their
 * event, so the retry carries the same webhook-id.
 */
export async function reclaimExpired(now: Date) {
  const cutoff = sqlTime(new Date(now.getTime() - webhooksConfig.leaseSeconds * 1000))
  return releaseExpiredClaims('webhook_deliveries', 'delivering', cutoff, {
    status: 'pending',
    next_attempt_at: sqlTime(now),
  })
}

/**
 * How long to wait before the next try after `attempts` failed ones:
 * exponential, capped, with ±20 % jitter so endpoints that come back are not
 * hit by every retry at once.
 */
export function retryDelayMs(attempts: number) {
  const { firstRetrySeconds, backoffFactor, backoffMaxSeconds } = webhooksConfig
  const seconds = Math.min(firstRetrySeconds * backoffFactor ** (attempts - 1), backoffMaxSeconds)
  return Math.round(seconds * 1000 * (0.8 + Math.random() * 0.4))
}

type Outcome = { delivery: ClaimedDelivery; token: string; result: PostOutcome; at: Date }

async function writeOutcome(
  { delivery, token, result, at }: Outcome,
  trx: TransactionClientContract
) {
  const attempts = delivery.attempts + 1
  const succeeded = result.status !== null && result.status >= 200 && result.status < 300
  const gone = result.status === 410
  const retryUntil = delivery.createdAt.getTime() + webhooksConfig.retryForHours * 3600_000
  const retry = !succeeded && !gone && at.getTime() < retryUntil
  const written = await trx
    .from('webhook_deliveries')
    .where('id', delivery.id)
    .where('claimed_by', token)
    .where('status', 'delivering')
    .update({
      status: succeeded ? 'succeeded' : retry ? 'pending' : 'failed',
      attempts,
      next_attempt_at: sqlTime(retry ? new Date(at.getTime() + retryDelayMs(attempts)) : at),
      claimed_at: null,
      claimed_by: null,
      response_status: result.status,
      duration_ms: result.durationMs,
      response_body: result.body,
      last_attempt_at: sqlTime(at),
    })
  if (!changedRows(written)) return

  const endpoint = trx.from('webhook_endpoints').where('id', delivery.endpointId)
  if (succeeded) {
    await endpoint.whereNotNull('failing_since').update({ failing_since: null })
    return
  }
  if (gone) {
    await disableEndpoint(trx, delivery.endpointId, 'The endpoint answered 410 Gone', at)
    return
  }
  await endpoint
    .clone()
    .whereNull('failing_since')
    .update({ failing_since: sqlTime(at) })
  const failingFor = webhooksConfig.retryForHours * 3600_000
  const failingSince = sqlTime(new Date(at.getTime() - failingFor))
  const failedForADay = await endpoint
    .clone()
    .where('enabled', true)
    .where('failing_since', '<=', failingSince)
    .first()
  if (failedForADay) {
    await disableEndpoint(
      trx,
      delivery.endpointId,
      `Every delivery failed for ${webhooksConfig.retryForHours} hours`,
      at
    )
  }
}

const outcomes = new GroupCommit(writeOutcome)

/** Records one attempt's outcome; attempts that finish together share a transaction. */
export function recordOutcome(outcome: Outcome) {
  return outcomes.add(outcome)
}
