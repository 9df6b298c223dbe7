/*
| One process of the SQLite read pool (see worker_read_pool.ts), started by
| the server with the database file and a busy timeout as its arguments. It
| opens that file read-only and answers each `{id, sql, bindings}` message
| with `{id, columns}` (the rows, column by column) or `{id, error}`, one
| statement at a time. The server
| ends it (SIGKILL) when a statement outlives the time limit: that is what
| stops a running SQLite statement, which no API of the driver can interrupt.
|
| Started with `write` as a third argument, it is the pool's writer instead:
| it opens the file read-write (WAL, like the server's connection) and runs
| each `{id, writes: [{sql, bindings}, …]}` message as one transaction,
| answering `{id, changes}` once it is committed, or `{id, error}` with
| nothing of it written. Its busy timeout waits here for the server's own
| writes, off the server's thread.
|
| Plain JavaScript that loads nothing of the application: it starts without
| a TypeScript loader, in about 0.1 s and 55 MB (0.3 s and 70 MB with one).
*/
import Database from 'better-sqlite3'

const [filename, busyTimeout, mode] = process.argv.slice(2)
const writable = mode === 'write'
const send = (message) => process.send(message)
process.on('disconnect', () => process.exit(0))
if (writable) {
  // A stop signal sent to the server's whole process group (systemd, a terminal's Ctrl-C) must
  // not end the writer before the server's shutdown has written its last counts: it ends when
  // the server closes it or exits.
  process.on('SIGTERM', () => {})
  process.on('SIGINT', () => {})
}

let db
try {
  db = new Database(filename, { readonly: !writable, fileMustExist: true })
  // Waiting for a lock happens here, off the server's thread; the server's time limit bounds it.
  db.pragma(`busy_timeout = ${Number(busyTimeout) || 0}`)
  if (writable) {
    // As the server's connection has it (config/database.ts).
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
  }
} catch (error) {
  send({ failed: error.message })
  process.exit(1)
}

/** Recent statements by SQL text: the same few queries come back again and again. */
const statements = new Map()
function prepare(sql) {
  let statement = statements.get(sql)
  if (!statement) {
    statement = db.prepare(sql)
    if (statement.reader) statement.raw(true)
    else if (!writable) throw new Error('The read pool runs statements that return rows only')
    statements.set(sql, statement)
    if (statements.size > 100) statements.delete(statements.keys().next().value)
  }
  return statement
}

/** Bound values as the server's own connection passes them (knex's better-sqlite3 client). */
function bindable(value) {
  if (value instanceof Date) return value.valueOf()
  if (typeof value === 'boolean') return Number(value)
  return value
}

/**
 * The rows column by column: the server rebuilds a million rows from a few
 * flat arrays in tens of milliseconds, where receiving a million objects
 * would hold its thread for seconds.
 */
function byColumn(statement, rows) {
  const names = statement.columns().map((column) => column.name)
  const values = names.map(() => new Array(rows.length))
  for (let row = 0; row < rows.length; row++) {
    for (let column = 0; column < names.length; column++) values[column][row] = rows[row][column]
  }
  return { names, values, count: rows.length }
}

/** Runs writes in one transaction (BEGIN IMMEDIATE: it takes the write lock first); answers the rows changed. */
const writeAll = writable
  ? db.transaction((writes) => {
      let changes = 0
      for (const { sql, bindings } of writes) {
        const statement = prepare(sql)
        if (statement.reader) throw new Error('The writer runs statements that change rows only')
        changes += statement.run(bindings.map(bindable)).changes
      }
      return changes
    }).immediate
  : null

process.on('message', ({ id, sql, bindings, writes }) => {
  try {
    if (writes) {
      if (!writeAll) throw new Error('The read pool runs statements that return rows only')
      send({ id, changes: writeAll(writes) })
      return
    }
    const statement = prepare(sql)
    if (!statement.reader) throw new Error('The read pool runs statements that return rows only')
    send({ id, columns: byColumn(statement, statement.all(bindings.map(bindable))) })
  } catch (error) {
    send({ id, error: { message: error.message, code: error.code } })
  }
})
send({ ready: true })
