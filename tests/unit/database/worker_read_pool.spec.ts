import { test } from '@japa/runner'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import SlowReadException from '#exceptions/slow_read_exception'
import { WorkerReadPool, type WorkerReadPoolOptions } from '#services/db/worker_read_pool'

/** Counts to a billion: minutes of work for SQLite, whatever the machine. */
const ENDLESS = {
  sql: 'WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1000000000) SELECT count(*) AS total FROM n',
  bindings: [],
}

/** A SQLite file of its own (WAL, like the server's) with a few rows, and a pool reading it. */
function poolOnFile(
  cleanup: (handler: () => void | Promise<void>) => void,
  options: Partial<WorkerReadPoolOptions> = {}
) {
  const folder = mkdtempSync(join(tmpdir(), 'porchlight-read-pool-'))
  const filename = join(folder, 'data.sqlite3')
  const db = new Database(filename)
  db.pragma('journal_mode = WAL')
  db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, flag INTEGER, at INTEGER)')
  const insert = db.prepare('INSERT INTO items (name, flag, at) VALUES (?, ?, ?)')
  for (const [name, flag, at] of [
    ['ann', 1, 1000],
    ['bob', 0, 2000],
    ['cara', 1, 3000],
  ] as const) {
    insert.run(name, flag, at)
  }
  const pool = new WorkerReadPool(filename, {
    size: 2,
    timeLimitMs: 10_000,
    waitLimitMs: 10_000,
    idleMs: 60_000,
    ...options,
  })
  cleanup(async () => {
    await pool.close()
    db.close()
    rmSync(folder, { recursive: true, force: true })
  })
  return { pool, db, filename }
}

/** Resolves once the pool has no reader process left (a killed one has exited). */
async function readersGone(pool: WorkerReadPool) {
  while (pool.readers > 0) await new Promise((resolve) => setTimeout(resolve, 10))
}

test.group('Read pool | reader processes', () => {
  test('reads rows in reader processes, with values bound as the server binds them', async ({
    assert,
    cleanup,
  }) => {
    const { pool } = poolOnFile(cleanup)

    const rows = await pool.all({
      sql: 'SELECT name FROM items WHERE flag = ? AND at < ? ORDER BY id',
      // Booleans and dates become numbers, as knex's better-sqlite3 client passes them.
      bindings: [true, new Date(2500)],
    })

    assert.deepEqual(rows, [{ name: 'ann' }])
    assert.equal(pool.readers, 1)
  })

  test('sees what the writer committed since, and reads in parallel', async ({
    assert,
    cleanup,
  }) => {
    const { pool, db } = poolOnFile(cleanup)
    await pool.all({ sql: 'SELECT 1', bindings: [] })
    db.prepare('INSERT INTO items (name, flag, at) VALUES (?, 0, 0)').run('dan')

    const counts = await Promise.all(
      [0, 1, 2, 3].map(() =>
        pool.all<{ total: number }>({ sql: 'SELECT count(*) AS total FROM items', bindings: [] })
      )
    )

    assert.deepEqual(
      counts.map(([row]) => row.total),
      [4, 4, 4, 4]
    )
    assert.equal(pool.readers, 2)
  })

  test('stops a read at the time limit by ending its reader; the next read gets a new one', async ({
    assert,
    cleanup,
  }) => {
    const { pool } = poolOnFile(cleanup, { timeLimitMs: 300 })

    const started = performance.now()
    const error = await pool.all(ENDLESS).catch((caught) => caught)
    const stoppedAfter = performance.now() - started

    assert.instanceOf(error, SlowReadException)
    assert.equal(error.reason, 'too_slow')
    assert.equal(error.status, 422)
    assert.match(error.message, /too slow.*Narrow it/)
    // Generous: the limit is 300 ms, the statement would run for minutes.
    assert.isBelow(stoppedAfter, 5000)
    // The reader running it was killed (a statement cannot be interrupted otherwise).
    await readersGone(pool)
    assert.deepEqual(await pool.all({ sql: 'SELECT count(*) AS total FROM items', bindings: [] }), [
      { total: 3 },
    ])
  }).timeout(20_000)

  test('a read that waits for a free reader longer than the wait limit is answered busy', async ({
    assert,
    cleanup,
  }) => {
    const { pool } = poolOnFile(cleanup, { size: 1, timeLimitMs: 3000, waitLimitMs: 200 })
    await pool.all({ sql: 'SELECT 1', bindings: [] })

    const endless = pool.all(ENDLESS).catch((caught) => caught)
    const waiting = await pool.all({ sql: 'SELECT 1', bindings: [] }).catch((caught) => caught)

    assert.instanceOf(waiting, SlowReadException)
    assert.equal(waiting.reason, 'busy')
    assert.equal(waiting.status, 503)
    const stopped = await endless
    assert.equal(stopped.reason, 'too_slow')
  }).timeout(20_000)

  test('never writes: statements that do not return rows are refused', async ({
    assert,
    cleanup,
  }) => {
    const { pool, db } = poolOnFile(cleanup)

    await assert.rejects(
      () => pool.all({ sql: "INSERT INTO items (name) VALUES ('eve')", bindings: [] }),
      /rows only/
    )
    await assert.rejects(
      () => pool.all({ sql: "INSERT INTO items (name) VALUES ('eve') RETURNING id", bindings: [] }),
      /readonly/
    )
    assert.equal((db.prepare('SELECT count(*) AS total FROM items').get() as any).total, 3)
  })

  test('a faulty statement fails with SQLite’s message and code, and the reader goes on', async ({
    assert,
    cleanup,
  }) => {
    const { pool } = poolOnFile(cleanup)

    const error = await pool.all({ sql: 'SELECT nope FROM items', bindings: [] }).catch((e) => e)

    assert.match(error.message, /no such column: nope/)
    assert.equal(error.code, 'SQLITE_ERROR')
    assert.lengthOf(await pool.all({ sql: 'SELECT id FROM items', bindings: [] }), 3)
    assert.equal(pool.readers, 1)
  })

  test('reads waiting for a reader that cannot open the database fail with the reason', async ({
    assert,
    cleanup,
  }) => {
    const { filename } = poolOnFile(cleanup)
    const pool = new WorkerReadPool(`${filename}.missing`, {
      size: 1,
      timeLimitMs: 10_000,
      waitLimitMs: 10_000,
      idleMs: 60_000,
    })
    cleanup(() => pool.close())

    await assert.rejects(
      () => pool.all({ sql: 'SELECT 1', bindings: [] }),
      /could not start: unable to open database file/
    )
  })

  test('an idle reader ends; a closed pool refuses reads', async ({ assert, cleanup }) => {
    const { pool } = poolOnFile(cleanup, { idleMs: 50 })
    await pool.all({ sql: 'SELECT 1', bindings: [] })

    await readersGone(pool)
    assert.deepEqual(await pool.all({ sql: 'SELECT 2 AS two', bindings: [] }), [{ two: 2 }])
    await pool.close()
    await assert.rejects(() => pool.all({ sql: 'SELECT 1', bindings: [] }), /closed/)
  })
})

/** A writer pool (one writer process) on its own file, as sqliteWriterFor starts one. */
function writerOnFile(cleanup: (handler: () => void | Promise<void>) => void) {
  const { filename, db } = poolOnFile(cleanup)
  const writer = new WorkerReadPool(filename, {
    size: 1,
    timeLimitMs: 10_000,
    waitLimitMs: 10_000,
    idleMs: 60_000,
    writeBusyTimeoutMs: 5_000,
  })
  cleanup(() => writer.close())
  return { writer, db }
}

const total = (db: Database.Database) =>
  db.prepare('SELECT count(*) AS total, sum(at) AS at FROM items').get() as any as {
    total: number
    at: number
  }

test.group('Read pool | writer process', () => {
  test('runs writes in one transaction and answers once they are committed', async ({
    assert,
    cleanup,
  }) => {
    const { writer, db } = writerOnFile(cleanup)

    const changes = await writer.write([
      { sql: 'INSERT INTO items (name, flag, at) VALUES (?, ?, ?)', bindings: ['dan', true, 10] },
      { sql: 'UPDATE items SET at = at + ? WHERE flag = 1', bindings: [1] },
    ])

    assert.equal(changes, 1 + 3)
    // The server's own connection sees them at once.
    assert.deepEqual(total(db), { total: 4, at: 1001 + 2000 + 3001 + 11 })
    assert.equal(writer.readers, 1)
  })

  test('a failed statement leaves nothing of its transaction written', async ({
    assert,
    cleanup,
  }) => {
    const { writer, db } = writerOnFile(cleanup)

    const error = await writer
      .write([
        { sql: 'UPDATE items SET at = at + 1', bindings: [] },
        { sql: 'UPDATE items SET nope = 1', bindings: [] },
      ])
      .catch((caught) => caught)

    assert.match(error.message, /no such column: nope/)
    assert.deepEqual(total(db), { total: 3, at: 6000 })
    // The writer goes on.
    assert.equal(await writer.write([{ sql: 'UPDATE items SET at = 0', bindings: [] }]), 3)
  })

  test('waits for the server connection’s write lock, off the server’s thread', async ({
    assert,
    cleanup,
  }) => {
    const { writer, db } = writerOnFile(cleanup)
    await writer.write([{ sql: 'UPDATE items SET at = at', bindings: [] }])

    db.exec('BEGIN IMMEDIATE')
    db.exec("INSERT INTO items (name, flag, at) VALUES ('eve', 0, 5)")
    const written = writer.write([{ sql: 'UPDATE items SET at = at + 1', bindings: [] }])
    // This thread is free meanwhile: it commits after a while.
    await new Promise((resolve) => setTimeout(resolve, 300))
    db.exec('COMMIT')

    assert.equal(await written, 4)
    assert.deepEqual(total(db), { total: 4, at: 6000 + 5 + 4 })
  })

  test('closing lets queued writes finish; a read pool refuses writes', async ({
    assert,
    cleanup,
  }) => {
    const { writer, db } = writerOnFile(cleanup)
    const { pool } = poolOnFile(cleanup)

    const writes = [1, 2, 3].map((step) =>
      writer.write([{ sql: 'UPDATE items SET at = at + ?', bindings: [step] }])
    )
    await writer.close()

    assert.deepEqual(await Promise.all(writes), [3, 3, 3])
    assert.deepEqual(total(db), { total: 3, at: 6000 + 3 * 6 })
    await assert.rejects(() => writer.write([]), /closed/)
    await assert.rejects(() => pool.write([]), /only reads/)
  })
})
