import { DateTime } from 'luxon'

/**
 * The application's one source of "now". Time-dependent behaviour (texting
 * hours, follow-up due times, the auto-answer loop guard) reads it here, so
 * tests move time forward instead of sleeping.
 */
let offsetMs = 0

export const clock = {
  now(): Date {
    return new Date(Date.now() + offsetMs)
  },

  dateTime(): DateTime {
    return DateTime.fromJSDate(clock.now())
  },

  /** Tests only: moves the application's time by `ms` (negative goes back). */
  travel(ms: number) {
    offsetMs += ms
  },

  /** Tests only: back to the real time. */
  reset() {
    offsetMs = 0
  },
}
