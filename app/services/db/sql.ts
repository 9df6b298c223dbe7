/**
 * Parameterised SQL fragments, and the few spellings that differ between
 * SQLite and MySQL/MariaDB, kept in one place so queries elsewhere read the
 * same on both.
 */
export type SqlDialect = 'sqlite' | 'mysql'

/** A piece of SQL and the values bound to its `?` placeholders. */
export class Fragment {
  readonly sql: string
  readonly bindings: unknown[]

  constructor(text: string, bindings: unknown[] = []) {
    this.sql = text
    this.bindings = bindings
  }
}

/**
 * Builds a fragment: interpolated fragments are inlined, every other value
 * becomes a bound parameter, so user input never reaches the SQL text.
 */
export function sql(strings: TemplateStringsArray, ...parts: unknown[]) {
  let text = strings[0]
  const bindings: unknown[] = []
  parts.forEach((part, index) => {
    if (part instanceof Fragment) {
      text += part.sql
      bindings.push(...part.bindings)
    } else {
      text += '?'
      bindings.push(part)
    }
    text += strings[index + 1]
  })
  return new Fragment(text, bindings)
}

/** Trusted SQL text (identifiers the code chose, never user input). */
export function raw(text: string) {
  return new Fragment(text)
}

/** Fragments joined by a separator (`, `, ` AND `, ` OR `). */
export function join(fragments: Fragment[], separator: string) {
  return new Fragment(
    fragments.map((fragment) => fragment.sql).join(separator),
    fragments.flatMap((fragment) => fragment.bindings)
  )
}

/** `?, ?, ?` for a list of values. */
export function list(values: unknown[]) {
  return join(
    values.map((value) => sql`${value}`),
    ', '
  )
}

/** The dialect of a Lucid query client (`db.connection()`, a transaction, a query's client). */
export function dialectOf(client: { dialect: { name: string } }): SqlDialect {
  return client.dialect.name === 'mysql' ? 'mysql' : 'sqlite'
}

/**
 * One key of a JSON object kept in a text column, as text (NULL when absent).
 * Keys may hold spaces and dots; callers refuse keys with quotes or backslashes.
 */
export function jsonText(dialect: SqlDialect, column: string, key: string) {
  const path = `$."${key}"`
  return dialect === 'mysql'
    ? sql`JSON_UNQUOTE(JSON_EXTRACT(${raw(column)}, ${path}))`
    : sql`json_extract(${raw(column)}, ${path})`
}

/**
 * Whether the text `expr` is a plain decimal number ("42", "-3.5"). The
 * pattern is bound, not inlined: the query builder reads every `?` as a placeholder.
 */
export function looksNumeric(dialect: SqlDialect, expr: Fragment) {
  return dialect === 'mysql'
    ? sql`(${expr} REGEXP ${'^[+-]?[0-9]+([.][0-9]+)?$'})`
    : sql`(${expr} <> '' AND ${expr} NOT GLOB '*[^0-9.+-]*')`
}

/** `expr` read as a number. */
export function asNumber(dialect: SqlDialect, expr: Fragment) {
  return dialect === 'mysql' ? sql`CAST(${expr} AS DECIMAL(30,10))` : sql`CAST(${expr} AS REAL)`
}

/**
 * Escapes LIKE wildcards in user input, for `LIKE ? ESCAPE '!'` (a character
 * both dialects read the same way, unlike the backslash).
 */
export function escapeLike(text: string) {
  return text.replace(/[!%_]/g, (char) => `!${char}`)
}

/**
 * Whether `column` starts with `prefix`, ignoring case, written so the name
 * search indexes serve it: MySQL's collations already ignore case; SQLite
 * has an index on `lower(column)` (which folds ASCII letters only, so the
 * prefix is folded the same way).
 */
export function startsWithIgnoringCase(dialect: SqlDialect, column: string, prefix: string) {
  if (dialect === 'mysql') {
    return sql`${raw(column)} LIKE ${`${escapeLike(prefix)}%`} ESCAPE '!'`
  }
  const folded = prefix.replace(/[A-Z]/g, (letter) => letter.toLowerCase())
  const expr = raw(`lower(${column})`)
  return sql`(${expr} >= ${folded} AND ${expr} < ${`${folded}\u{10FFFF}`})`
}

/**
 * A column no index may serve in a condition, on SQLite: its unary `+`, the
 * documented way to keep a term from choosing the plan. Without statistics
 * SQLite rates every equality index alike, so a query whose selective filter
 * must lead writes its other conditions with this. MySQL plans from its
 * statistics and reads the column plainly.
 */
export function unindexed(dialect: SqlDialect, column: string) {
  return raw(dialect === 'sqlite' ? `+${column}` : column)
}
