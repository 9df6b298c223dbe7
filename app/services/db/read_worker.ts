/*
| One process of the SQLite read pool (see worker_read_pool.ts), started by
| the server with the database file as its argument. It opens that file
| read-only and answers each `{id, sql, bindings}` message with
| `{id, rows}` or `{id, error}`, one statement at a time. The server ends it
| (SIGKILL) when a statement outlives the time limit: that is what stops a
| running SQLite statement, which no API of the driver can interrupt.
|
| It loads nothing of the application (plain Node, better-sqlite3), so it
| starts in a fraction of a second, and it leaves when the server does.
*/
import Database from 'better-sqlite3'

type Request = { id: number; sql: string; bindings: unknown[] }

const [filename, busyTimeout] = process.argv.slice(2)
const send = (message: unknown) => process.send!(message)
process.on('disconnect', () => process.exit(0))

let db: Database.Database
try {
  db = new Database(filename, { readonly: true, fileMustExist: true })
  // Waiting for a lock happens here, off the server's thread; the server's time limit bounds it.
  db.pragma(`busy_timeout = ${Number(busyTimeout) || 0}`)
} catch (error) {
  send({ failed: (error as Error).message })
  process.exit(1)
}

/** Recent statements by SQL text: the same few queries come back again and again. */
const statements = new Map<string, Database.Statement>()
function prepare(sql: string) {
  let statement = statements.get(sql)
  if (!statement) {
    statement = db.prepare(sql)
    if (!statement.reader) throw new Error('The read pool runs statements that return rows only')
    statements.set(sql, statement)
    if (statements.size > 100) statements.delete(statements.keys().next().value!)
  }
  return statement
}

/** Bound values as the server's own connection passes them (knex's better-sqlite3 client). */
function bindable(value: unknown) {
  if (value instanceof Date) return value.valueOf()
  if (typeof value === 'boolean') return Number(value)
  return value
}

process.on('message', ({ id, sql, bindings }: Request) => {
  try {
    send({ id, rows: prepare(sql).all(bindings.map(bindable)) })
  } catch (error) {
    const { message, code } = error as Error & { code?: string }
    send({ id, error: { message, code } })
  }
})
send({ ready: true })
