import { setTimeout as sleep } from 'node:timers/promises'

/** How long a statement waits for a lock another process holds before it fails. */
export const LOCK_WAIT_MS = 5000

type Statement = Record<'all' | 'run', (...args: unknown[]) => unknown>
type Connection = { prepare(sql: string): unknown }

/**
 * Makes the server's SQLite connection wait for locks without stopping the
 * server. SQLite's own busy timeout sleeps on the calling thread, and
 * better-sqlite3 calls on the server's only one: a write waiting for another
 * process's transaction froze every request. So the busy timeout is 0 (set
 * next to this in config/database.ts) and a statement answered SQLITE_BUSY
 * is tried again after an asynchronous pause, with backoff, for up to
 * LOCK_WAIT_MS (the wait the busy timeout gave before). Knex awaits what `all` and `run` return, so a retried statement's promise
 * is awaited like a result. Trying a statement again is what the busy
 * timeout did too: a statement that could not get its lock changed nothing.
 */
export function waitForLocksAsynchronously(
  connection: Connection,
  { waitMs = LOCK_WAIT_MS }: { waitMs?: number } = {}
) {
  const prepare = connection.prepare.bind(connection)
  connection.prepare = (sql: string) => {
    const statement = prepare(sql) as Statement
    for (const method of ['all', 'run'] as const) {
      const original = statement[method].bind(statement)
      statement[method] = (...args: unknown[]) => {
        try {
          return original(...args)
        } catch (error) {
          if (!isBusy(error)) throw error
          return retry(() => original(...args), waitMs)
        }
      }
    }
    return statement
  }
}

async function retry(attempt: () => unknown, waitMs: number) {
  const deadline = Date.now() + waitMs
  for (let pause = 2; ; pause = Math.min(pause * 2, 100)) {
    await sleep(pause)
    try {
      return attempt()
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error
    }
  }
}

/**
 * SQLITE_BUSY and its extended codes, except SQLITE_BUSY_SNAPSHOT: a
 * transaction whose snapshot another writer made stale can never succeed by
 * waiting (SQLite does not wait for it either).
 */
function isBusy(error: unknown) {
  const code = (error as { code?: unknown })?.code
  return (
    typeof code === 'string' && code.startsWith('SQLITE_BUSY') && code !== 'SQLITE_BUSY_SNAPSHOT'
  )
}
