import { DateTime } from 'luxon'

/**
 * Wall-clock times ("HH:MM", as admins type them) and the instants they fall
 * on in a given zone, including the days the clocks change.
 */

/** A window of local wall-clock time on one day, in minutes after midnight. */
export type ClockWindow = { start: string; end: string }

export function clockMinutes(clock: string) {
  const [hours, minutes] = clock.split(':').map(Number)
  return hours * 60 + minutes
}

export function formatClock(minutes: number) {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE

const offsetAt = (millis: number, zone: string) => DateTime.fromMillis(millis, { zone }).offset

/**
 * The first instant at which the local clock in `zone` reads `minutes` after
 * midnight on the local date `date` (ISO yyyy-mm-dd), or later:
 * - a time skipped by spring-forward (02:30 on 2026-03-08 in New York) is
 *   the moment the clocks jump (03:00 EDT), the first moment it is "02:30 or later";
 * - a time that happens twice at fall-back (01:30 on 2026-11-01) is its
 *   first occurrence, so a window never closes late.
 */
export function localInstant(date: string, minutes: number, zone: string): Date {
  const [year, month, day] = date.split('-').map(Number)
  // The wall-clock reading as if it were UTC; a real instant is that minus the zone's offset.
  const wall = Date.UTC(year, month - 1, day) + minutes * MINUTE
  const offsets = [...new Set([offsetAt(wall - 14 * HOUR, zone), offsetAt(wall + 14 * HOUR, zone)])]
  const matches = offsets
    .map((offset) => wall - offset * MINUTE)
    .filter((instant) => instant + offsetAt(instant, zone) * MINUTE === wall)
  if (matches.length) return new Date(Math.min(...matches))

  // Skipped by a transition: find the minute the clocks jumped, between the two readings.
  let [low, high] = offsets.map((offset) => wall - offset * MINUTE).sort((a, b) => a - b)
  const before = offsetAt(low, zone)
  while (high - low > MINUTE) {
    const middle = low + Math.floor((high - low) / MINUTE / 2) * MINUTE
    if (offsetAt(middle, zone) === before) low = middle
    else high = middle
  }
  return new Date(high)
}
