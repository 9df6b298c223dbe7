import db from '@adonisjs/lucid/services/db'
import { dialectOf } from '#services/db/sql'
import { retryDeadlocks } from '#services/db/deadlocks'

type Client = { dialect: { name: string } }
type LockableQuery = { client: Client; forUpdate(): unknown; skipLocked(): unknown }

/**
 * Whether the database locks single rows. MySQL/MariaDB do, and concurrent
 * transactions need FOR UPDATE to keep a read row theirs; SQLite has one
 * writer at a time, so a writing transaction already holds every row.
 */
export function locksRows(client: Client) {
  return dialectOf(client) === 'mysql'
}

/** The rows the query reads stay this transaction's until it ends (FOR UPDATE, MySQL only). */
export function forUpdate<Query extends LockableQuery>(query: Query): Query {
  if (locksRows(query.client)) query.forUpdate()
  return query
}

/**
 * Like `forUpdate`, passing over rows another transaction holds (SKIP
 * LOCKED), so parallel claims take different rows instead of waiting.
 */
export function forUpdateSkipLocked<Query extends LockableQuery>(query: Query): Query {
  if (locksRows(query.client)) {
    query.forUpdate()
    query.skipLocked()
  }
  return query
}

/** Knex answers an UPDATE's affected-row count as a number, or `[count]` on some drivers. */
export function changedRows(result: unknown) {
  return Number(Array.isArray(result) ? result[0] : result)
}

/**
 * Stamps the rows `dueRows` selects (their `id`s) in `table` with `claim`,
 * atomically: two claimers never get the same row. Answers how many it took.
 * MySQL/MariaDB lock the candidates with FOR UPDATE SKIP LOCKED, so parallel
 * claimers take different rows; read committed, so there are no gap locks
 * for other claims and releases to run into; and a deadlock victim (rolled
 * back whole) claims again. SQLite has one writer: one conditional UPDATE.
 */
export async function claimRows(
  table: string,
  dueRows: (query: any) => any,
  claim: Record<string, unknown>
): Promise<number> {
  const client = db.connection()
  if (!locksRows(client)) {
    return changedRows(await db.from(table).whereIn('id', dueRows(db.query())).update(claim))
  }
  // Inside a caller's transaction (a test's) the isolation level is already set.
  const options = client.isTransaction ? undefined : { isolationLevel: 'read committed' as const }
  return retryDeadlocks(() =>
    db.transaction(async (trx) => {
      const rows = await forUpdateSkipLocked(dueRows(trx.query()))
      const ids = rows.map((row: { id: number }) => row.id)
      if (ids.length) await trx.from(table).whereIn('id', ids).update(claim)
      return ids.length
    }, options)
  )
}

/**
 * Puts back in their queue the rows of `table` in `claimedStatus` whose
 * claim is older than `cutoff` (their worker died or hung): `release` sets
 * their queued status, and the claim is cleared. Every worker runs this
 * beside the others' claims, and on MySQL the range it locks can deadlock
 * with them; the UPDATE alone is safe to repeat, so a victim runs it again.
 */
export function releaseExpiredClaims(
  table: string,
  claimedStatus: string,
  cutoff: string,
  release: Record<string, unknown>
): Promise<number> {
  return retryDeadlocks(async () =>
    changedRows(
      await db
        .from(table)
        .where('status', claimedStatus)
        .where('claimed_at', '<', cutoff)
        .update({ ...release, claimed_at: null, claimed_by: null })
    )
  )
}
