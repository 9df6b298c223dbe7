import { randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type IntegrationAccount from '#models/integration_account'
import { IntegrationError, type ResultPerson } from '#integrations/contract'
import { clock } from '#services/clock'
import { sqlTime } from '#services/db/sql_time'
import { clientFor } from '#services/integrations/accounts'
import { claimDueResults, releaseResults, type ClaimedResult } from '#services/integrations/claims'
import type { QueuedResult } from '#services/integrations/results'

/** Results sent per account in one round, claimed a few at a time so a claim stays short. */
const ROUND = 100
const CLAIM = 10
/** After this many failed attempts a result is given up (the sync log offers "Retry"). */
export const MAX_ATTEMPTS = 8
const FIRST_RETRY_MS = 30_000
const MAX_RETRY_MS = 6 * 3600_000

/** 30 s, 2 min, 8 min … capped at 6 hours. */
export function retryDelayMs(attempts: number) {
  return Math.min(FIRST_RETRY_MS * 4 ** Math.max(0, attempts - 1), MAX_RETRY_MS)
}

/** The people the results are about, as the contacts table knows them now. */
async function peopleOf(rows: ClaimedResult[]) {
  const ids = rows.flatMap((row) => (row.contact_id ? [row.contact_id] : []))
  const contacts = ids.length
    ? await db
        .from('contacts')
        .whereIn('id', ids)
        .select('id', 'phone', 'external_id', 'email', 'first_name', 'last_name')
    : []
  return new Map(contacts.map((contact) => [contact.id, contact]))
}

function personOf(result: QueuedResult, contact: any | undefined): ResultPerson | null {
  const phone = contact?.phone ?? result.phone
  if (!phone) return null
  return {
    phone,
    externalId: contact?.external_id || null,
    email: contact?.email || null,
    firstName: contact?.first_name || null,
    lastName: contact?.last_name || null,
  }
}

/**
 * Sends the account's due results to its CRM, one by one: one person
 * failing never stops the others. Each row is claimed first, so any number
 * of workers can send the same account's queue and each result goes out
 * once. A rate limit stops this round and waits what the CRM asked; other
 * failures retry with backoff, refusals are not retried. Returns counts of
 * this round.
 */
export async function pushDueResults(account: IntegrationAccount, workerId: string) {
  const counts = { succeeded: 0, retrying: 0, failed: 0 }
  for (let sent = 0; sent < ROUND; sent += CLAIM) {
    const token = `${workerId}#${randomBytes(4).toString('hex')}`
    const rows = await claimDueResults(account.id, token, CLAIM, clock.now())
    if (!rows.length) break
    const limited = await pushClaimed(account, rows, token, counts)
    if (limited) break
  }
  return counts
}

/** Sends claimed rows; true when the CRM asked to wait (the rest are released). */
async function pushClaimed(
  account: IntegrationAccount,
  rows: ClaimedResult[],
  token: string,
  counts: { succeeded: number; retrying: number; failed: number }
) {
  const client = await clientFor(account)
  const people = await peopleOf(rows)
  for (const [index, row] of rows.entries()) {
    const result = JSON.parse(row.payload) as QueuedResult
    const person = personOf(result, people.get(row.contact_id ?? 0))
    try {
      if (!person) throw new IntegrationError('rejected', 'The person was erased')
      await client.pushResult({ ...result, person })
      await settle(row.id, token, { status: 'succeeded', attempts: row.attempts + 1, error: null })
      counts.succeeded++
    } catch (error) {
      const failure =
        error instanceof IntegrationError
          ? error
          : new IntegrationError('transient', (error as Error).message)
      if (failure.kind === 'rate_limited') {
        await settle(
          row.id,
          token,
          { error: failure.message },
          failure.retryAfterMs ?? FIRST_RETRY_MS
        )
        counts.retrying++
        await releaseResults(
          rows.slice(index + 1).map((rest) => rest.id),
          token
        )
        return true
      }
      const attempts = row.attempts + 1
      const gaveUp = failure.kind === 'rejected' || attempts >= MAX_ATTEMPTS
      await settle(
        row.id,
        token,
        { status: gaveUp ? 'failed' : 'pending', attempts, error: failure.message },
        retryDelayMs(attempts)
      )
      counts[gaveUp ? 'failed' : 'retrying']++
    }
  }
  return false
}

/** Records a claimed row's outcome and ends the claim (only while this worker still holds it). */
function settle(id: number, token: string, changes: Record<string, unknown>, retryInMs = 0) {
  const now = clock.now()
  return db
    .from('integration_sync_items')
    .where('id', id)
    .where('claimed_by', token)
    .update({
      ...changes,
      error: typeof changes.error === 'string' ? changes.error.slice(0, 255) : changes.error,
      next_attempt_at: sqlTime(new Date(now.getTime() + retryInMs)),
      claimed_by: null,
      claimed_at: null,
      updated_at: sqlTime(now),
    })
}

/** "Retry" in the sync log: a failed result goes back in the queue, due now. */
export async function retryResult(accountId: number, itemId: number) {
  const now = sqlTime(clock.now())
  return db
    .from('integration_sync_items')
    .where('account_id', accountId)
    .where('id', itemId)
    .where('status', 'failed')
    .update({ status: 'pending', attempts: 0, next_attempt_at: now, updated_at: now })
}
