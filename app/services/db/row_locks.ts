import { dialectOf } from '#services/db/sql'

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
