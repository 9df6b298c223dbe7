import { stdSerializers } from '@adonisjs/core/logger'

type DriverError = Error & {
  code?: unknown
  errno?: unknown
  sqlState?: unknown
  sqlMessage?: unknown
}

/** How much of a failed statement (placeholders, never values) a log line keeps. */
const STATEMENT_CHARS = 1000

/** Errors withoutBoundValues made, so a second pass keeps them as they are. */
const cleaned = new WeakSet<Error>()

/** An error the database driver raised: better-sqlite3's SqliteError or a mysql2 error. */
export function isDatabaseError(error: unknown): error is DriverError {
  if (!(error instanceof Error)) return false
  const { code, sqlState, sqlMessage } = error as DriverError
  return (
    (typeof code === 'string' && /^(SQLITE_|ER_)/.test(code)) ||
    typeof sqlState === 'string' ||
    typeof sqlMessage === 'string'
  )
}

/**
 * The driver's own words ("too many SQL variables"), without the statement
 * knex puts in front of them (`<statement> - <message>`).
 */
export function driverMessage(error: DriverError) {
  if (typeof error.sqlMessage === 'string') return error.sqlMessage
  const cut = error.message.lastIndexOf(' - ')
  return cut === -1 ? error.message : error.message.slice(cut + 3)
}

/**
 * A database error as it may be logged or shown to an operator: the
 * driver's message, code and call stack, and the start of the statement
 * with its placeholders. Never the bound values (contacts' names, phones,
 * a segment's thousand ZIP codes): knex writes them into the message when
 * asked to (config/database.ts asks it not to) and mysql2 keeps the whole
 * formatted statement in `sql`.
 */
export function withoutBoundValues(error: DriverError): DriverError {
  if (cleaned.has(error)) return error
  const message = driverMessage(error)
  const statement = error.message.slice(0, Math.max(0, error.message.length - message.length - 3))
  const safe = new Error(message) as DriverError & { statement?: string }
  safe.name = error.name
  for (const key of ['code', 'errno', 'sqlState'] as const) {
    if (error[key] !== undefined) safe[key] = error[key]
  }
  if (statement) safe.statement = statement.slice(0, STATEMENT_CHARS)
  const frames = error.stack?.indexOf('\n    at ') ?? -1
  safe.stack = `${safe.name}: ${message}${frames === -1 ? '' : error.stack!.slice(frames)}`
  cleaned.add(safe)
  return safe
}

/** The logger's `err` serializer: the standard one, minus database errors' bound values. */
export function serializeError(error: unknown) {
  return stdSerializers.err(isDatabaseError(error) ? withoutBoundValues(error) : (error as Error))
}
