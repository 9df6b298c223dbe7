import { test } from '@japa/runner'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { waitForLocksAsynchronously } from '#services/db/sqlite_locks'

/**
 * Two connections to one WAL file: `ours` set up like the server's, and
 * `other` standing for another process.
 */
function twoConnections(cleanup: (handler: () => void | Promise<void>) => void, waitMs?: number) {
  const folder = mkdtempSync(join(tmpdir(), 'porchlight-locks-'))
  const filename = join(folder, 'data.sqlite3')
  const other = new Database(filename)
  other.pragma('journal_mode = WAL')
  other.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT)')
  const ours = new Database(filename)
  ours.pragma('busy_timeout = 0')
  waitForLocksAsynchronously(ours, { waitMs })
  cleanup(() => {
    ours.close()
    other.close()
    rmSync(folder, { recursive: true, force: true })
  })
  return { ours, other }
}

const count = (db: Database.Database) =>
  (db.prepare('SELECT count(*) AS total FROM items').get() as { total: number }).total

test.group('SQLite locks | the server’s connection waits without stopping', () => {
  test('a write finding the database locked waits asynchronously, then succeeds', async ({
    assert,
    cleanup,
  }) => {
    const { ours, other } = twoConnections(cleanup)
    other.exec('BEGIN IMMEDIATE')

    const result = ours.prepare("INSERT INTO items (name) VALUES ('ann')").run()
    assert.instanceOf(result, Promise)
    // The thread is free meanwhile: timers run, and reads answer at once (WAL).
    await new Promise((resolve) => setTimeout(resolve, 30))
    assert.equal(count(ours), 0)
    other.exec('COMMIT')

    assert.containSubset(await result, { changes: 1 })
    assert.equal(count(other), 1)
  })

  test('gives up with SQLITE_BUSY when the lock is held past the wait', async ({
    assert,
    cleanup,
  }) => {
    const { ours, other } = twoConnections(cleanup, 100)
    other.exec('BEGIN IMMEDIATE')

    const error = await Promise.resolve()
      .then(() => ours.prepare("INSERT INTO items (name) VALUES ('ann')").run())
      .catch((caught) => caught)
    assert.equal(error.code, 'SQLITE_BUSY')
    other.exec('ROLLBACK')
    assert.equal(count(other), 0)
  })

  test('a transaction whose snapshot went stale fails at once, as waiting cannot help', ({
    assert,
    cleanup,
  }) => {
    const { ours, other } = twoConnections(cleanup)
    ours.exec('BEGIN')
    count(ours)
    other.prepare("INSERT INTO items (name) VALUES ('bob')").run()

    let thrown: (Error & { code?: string }) | undefined
    try {
      ours.prepare("INSERT INTO items (name) VALUES ('ann')").run()
    } catch (error) {
      thrown = error as Error & { code?: string }
    }
    assert.equal(thrown?.code, 'SQLITE_BUSY_SNAPSHOT')
    ours.exec('ROLLBACK')
  })
})
