import { type DateTime } from 'luxon'

const pad = (value: number) => String(value).padStart(2, '0')

/**
 * A timestamp for raw queries, in the format Lucid writes DateTime columns
 * (local time, `yyyy-MM-dd HH:mm:ss`), so comparisons with model-written
 * values hold on SQLite and MySQL. Formatted by hand: it runs for every
 * message, and luxon's formatter is slow.
 */
export function sqlTime(value: DateTime | Date) {
  const date = value instanceof Date ? value : value.toJSDate()
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  )
}

export function sqlNow(plusMs = 0) {
  return sqlTime(new Date(Date.now() + plusMs))
}
