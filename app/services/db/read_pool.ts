import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { LucidModel, ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import env from '#start/env'
import SlowReadException from '#exceptions/slow_read_exception'
import { dialectOf } from '#services/db/sql'
import { LOCK_WAIT_MS } from '#services/db/sqlite_locks'
import { WorkerReadPool } from '#services/db/worker_read_pool'

/**
 * Heavy reads — segment and audience counts, the rows a launch snapshots,
 * contact searches, exports — go through a read pool instead of the
 * server's own connection, so that they never hold up other requests, and
 * they stop at a time limit with a clear "too slow" answer
 * (SlowReadException) instead of hanging.
 *
 * - SQLite: a few reader processes with read-only connections of their own
 *   (WorkerReadPool); better-sqlite3 runs every statement on the calling
 *   thread, so reading in process would stop the whole server meanwhile.
 * - MySQL/MariaDB: the driver is already asynchronous, so the read runs on
 *   the query's own connection, with the time limit enforced by the server
 *   (ConnectionReadPool).
 * - A read of a transaction runs in that transaction (it may need to see the
 *   transaction's own writes), unless the caller says it does not.
 */

/** One statement that returns rows: SQL with `?` placeholders and their values. */
export type CompiledRead = { sql: string; bindings: readonly unknown[] }

/** One statement that changes rows (INSERT, UPDATE, DELETE), likewise. */
export type CompiledWrite = { sql: string; bindings: readonly unknown[] }

export interface ReadPoolContract {
  /** The rows of one read-only statement, within the time limit. */
  all<Row>(read: CompiledRead): Promise<Row[]>
  close(): Promise<void>
}

/** A query builder (Lucid's database or model query builders) that compiles to one statement. */
export type CompilableQuery = {
  client: QueryClientContract
  toSQL(): { toNative(): { sql: string; bindings: readonly unknown[] } }
}

export type ReadOptions = {
  /**
   * The query runs in a transaction but reads nothing that transaction
   * changed, so it may be read from committed data by the pool's own
   * connections (e.g. a launch reading its audience before writing anything).
   */
  outsideTransaction?: boolean
}

export const readPoolSettings = {
  /** SQLite reader processes; 0 reads in the server's own connection (no time limit there). */
  workers: env.get('DB_READ_WORKERS', 2),
  /** How long a heavy read may run… */
  timeLimitMs: env.get('DB_READ_TIMEOUT', 10) * 1000,
  /** …and how long it may wait for a free reader process. */
  waitLimitMs: env.get('DB_READ_TIMEOUT', 10) * 1000,
  idleMs: 60_000,
}

const workerPools = new Map<string, WorkerReadPool>()
/**
 * Registered as this module loads, before the modules that import it register
 * theirs; shutdown hooks run in reverse, so their last writes (the click log's)
 * find the writer still open.
 */
app.terminating(() => closeReadPools())

/** The pool that reads for `client` (the default connection when absent). */
export function readPoolFor(
  client: QueryClientContract = db.connection(),
  { outsideTransaction = false }: ReadOptions = {}
): ReadPoolContract {
  const inWorkers =
    dialectOf(client) === 'sqlite' &&
    readPoolSettings.workers > 0 &&
    (!client.isTransaction || outsideTransaction) &&
    // Tests run inside a transaction that is rolled back: their rows exist only on its connection.
    db.connectionGlobalTransactions.size === 0
  return inWorkers
    ? workerPoolOf(client.connectionName)
    : new ConnectionReadPool(client, readPoolSettings.timeLimitMs)
}

/**
 * The SQLite writer process for `client`'s database (a WorkerReadPool of one
 * writer), for writes the server's thread must not run itself; null where
 * they belong on the client: MySQL/MariaDB (its driver does not hold the
 * thread), a transaction's writes, and tests' global transactions (their
 * rows exist only on that connection).
 */
export function sqliteWriterFor(client: QueryClientContract = db.connection()) {
  const inWorker =
    dialectOf(client) === 'sqlite' &&
    !client.isTransaction &&
    db.connectionGlobalTransactions.size === 0
  return inWorker ? workerPoolOf(client.connectionName, 'writer') : null
}

/** The rows `query` selects, read through the pool (see readPoolFor). */
export function readRows<Row = Record<string, any>>(query: CompilableQuery, options?: ReadOptions) {
  const { sql, bindings } = query.toSQL().toNative()
  return readPoolFor(query.client, options).all<Row>({ sql, bindings })
}

/** The models a model query selects, read through the pool (without preloads). */
export async function readModels<Model extends LucidModel>(
  query: ModelQueryBuilderContract<Model, InstanceType<Model>>,
  options?: ReadOptions
) {
  const rows = await readRows(query, options)
  return query.model.$createMultipleFromAdapterResult(rows) as InstanceType<Model>[]
}

/** How many rows `query` selects. */
export async function readCount(
  query: CompilableQuery & { clone(): { count(column: string): CompilableQuery } },
  options?: ReadOptions
) {
  const [row] = await readRows<{ total: number | string }>(
    query.clone().count('* as total'),
    options
  )
  return Number(row.total)
}

/** Changes the settings; readers started afterwards use them (tests use a short time limit). */
export async function configureReadPool(settings: Partial<typeof readPoolSettings>) {
  Object.assign(readPoolSettings, settings)
  await closeReadPools()
}

export async function closeReadPools() {
  const pools = [...workerPools.values()]
  workerPools.clear()
  await Promise.all(pools.map((pool) => pool.close()))
}

function workerPoolOf(connectionName: string, role: 'readers' | 'writer' = 'readers') {
  const key = `${connectionName}:${role}`
  let pool = workerPools.get(key)
  if (!pool) {
    const { connection } = db.getRawConnection(connectionName)!.config as {
      connection: { filename: string }
    }
    const { workers, ...limits } = readPoolSettings
    pool = new WorkerReadPool(
      connection.filename,
      role === 'writer'
        ? { size: 1, ...limits, writeBusyTimeoutMs: LOCK_WAIT_MS }
        : { size: workers, ...limits }
    )
    workerPools.set(key, pool)
  }
  return pool
}

/**
 * Reads on a Lucid client: asynchronous on MySQL/MariaDB, where the server
 * stops a statement at the time limit; on SQLite (a transaction's reads, or
 * no reader processes) the statement runs on the server's thread, unlimited.
 */
export class ConnectionReadPool implements ReadPoolContract {
  constructor(
    readonly client: QueryClientContract,
    readonly timeLimitMs: number
  ) {}

  async all<Row>({ sql, bindings }: CompiledRead) {
    if (dialectOf(this.client) === 'sqlite') {
      return (await this.client.rawQuery(sql, bindings as any[])) as Row[]
    }
    const limited = await withServerTimeLimit(this.client, sql, this.timeLimitMs)
    try {
      const [rows] = await this.client.rawQuery(limited, bindings as any[])
      return rows as Row[]
    } catch (error) {
      if (STATEMENT_TIMEOUTS.has((error as { errno?: number }).errno!)) {
        throw new SlowReadException('too_slow', this.timeLimitMs)
      }
      throw error
    }
  }

  async close() {}
}

/** ER_STATEMENT_TIMEOUT (MariaDB's max_statement_time), ER_QUERY_TIMEOUT (MySQL's MAX_EXECUTION_TIME). */
const STATEMENT_TIMEOUTS = new Set([1969, 3024])

const serverKinds = new Map<string, Promise<'mariadb' | 'mysql'>>()

/**
 * The statement with the server's own time limit: MariaDB's
 * `SET STATEMENT max_statement_time` prefix, or MySQL's optimizer hint
 * (which applies to SELECT statements, the only kind read here).
 */
async function withServerTimeLimit(client: QueryClientContract, sql: string, ms: number) {
  let kind = serverKinds.get(client.connectionName)
  if (!kind) {
    kind = client
      .rawQuery('select version() as version')
      .then(([rows]: any) => (/mariadb/i.test(rows[0].version) ? 'mariadb' : 'mysql'))
    serverKinds.set(client.connectionName, kind)
    kind.catch(() => serverKinds.delete(client.connectionName))
  }
  return (await kind) === 'mariadb'
    ? `SET STATEMENT max_statement_time = ${ms / 1000} FOR ${sql}`
    : sql.replace(/^\s*select\b/i, `select /*+ MAX_EXECUTION_TIME(${Math.round(ms)}) */`)
}
