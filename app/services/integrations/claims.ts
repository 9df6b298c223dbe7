import db from '@adonisjs/lucid/services/db'
import { changedRows, claimRows } from '#services/db/row_locks'
import { sqlTime } from '#services/db/sql_time'

/**
 * How long a claim holds. A claim is at most a few CRM calls (15 s timeout
 * each) or one import page, so a claim this old belongs to a worker that
 * died, and another worker takes the work over.
 */
export const LEASE_MS = 10 * 60_000

/** A result row claimed for sending. */
export type ClaimedResult = {
  id: number
  contact_id: number | null
  kind: string
  payload: string
  attempts: number
}

/** Rows nobody holds: never claimed, released, or claimed by a worker whose lease expired. */
function free(by: string, at: string, now: Date) {
  const expired = sqlTime(new Date(now.getTime() - LEASE_MS))
  return (query: any) => query.whereNull(by).orWhere(at, '<', expired)
}

/**
 * Takes up to `limit` of the account's due results for one worker,
 * atomically, so two workers never send the same one (MySQL: FOR UPDATE
 * SKIP LOCKED, workers take different rows in parallel; SQLite: one
 * conditional UPDATE). Rows come back stamped with `token`.
 */
export async function claimDueResults(
  accountId: number,
  token: string,
  limit: number,
  now: Date
): Promise<ClaimedResult[]> {
  const at = sqlTime(now)
  const claim = { claimed_by: token, claimed_at: at }
  const dueRows = (query: any) =>
    query
      .from('integration_sync_items')
      .where('account_id', accountId)
      .where('status', 'pending')
      .where('next_attempt_at', '<=', at)
      .where(free('claimed_by', 'claimed_at', now))
      .orderBy('id')
      .limit(limit)
      .select('id')

  if (!(await claimRows('integration_sync_items', dueRows, claim))) return []
  return db
    .from('integration_sync_items')
    .where('claimed_by', token)
    .where('status', 'pending')
    .orderBy('id')
    .select('id', 'contact_id', 'kind', 'payload', 'attempts')
}

/** Claimed results this worker did not get to (a rate limit) go back to the queue as they were. */
export async function releaseResults(ids: number[], token: string) {
  if (!ids.length) return
  await db
    .from('integration_sync_items')
    .whereIn('id', ids)
    .where('claimed_by', token)
    .update({ claimed_by: null, claimed_at: null })
}

/**
 * Takes the account's people import for one worker (one conditional
 * UPDATE of its row, atomic on SQLite and MySQL): only when it is due,
 * unless `due` is false ("Import now"), and nobody else holds it.
 */
export async function claimImport(accountId: number, token: string, now: Date, due = true) {
  const query = db
    .from('integration_accounts')
    .where('id', accountId)
    .where(free('import_claimed_by', 'import_claimed_at', now))
  if (due) query.where('import_next_at', '<=', sqlTime(now))
  const claimed = await query.update({ import_claimed_by: token, import_claimed_at: sqlTime(now) })
  return changedRows(claimed) > 0
}

/** Extends the import claim before the next page; false when the lease was lost to another worker. */
export async function renewImport(accountId: number, token: string, now: Date) {
  const renewed = await db
    .from('integration_accounts')
    .where('id', accountId)
    .where('import_claimed_by', token)
    .update({ import_claimed_at: sqlTime(now) })
  return changedRows(renewed) > 0
}

export async function releaseImport(accountId: number, token: string) {
  await db
    .from('integration_accounts')
    .where('id', accountId)
    .where('import_claimed_by', token)
    .update({ import_claimed_by: null, import_claimed_at: null })
}
