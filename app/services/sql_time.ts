import { DateTime } from 'luxon'

/**
 * A timestamp for raw queries, in the format Lucid writes DateTime columns
 * (so comparisons with model-written values hold on SQLite and MySQL).
 */
export function sqlTime(value: DateTime) {
  return value.toFormat('yyyy-MM-dd HH:mm:ss')
}

export function sqlNow(plusMs = 0) {
  return sqlTime(DateTime.now().plus({ milliseconds: plusMs }))
}
