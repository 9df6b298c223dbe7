import { setTimeout as sleep } from 'node:timers/promises'
import db from '@adonisjs/lucid/services/db'

export type DatabaseState = 'ok' | 'busy' | 'unreachable'

type Options = {
  /** Asks the database something trivial; rejects when it cannot. */
  probe(): Promise<unknown>
  /** How long a health request waits for the probe before answering without it. */
  waitMs: number
  /** A probe pending this long means the database is unreachable, not busy. */
  unreachableAfterMs: number
  now?: () => number
  wait?: (ms: number) => Promise<unknown>
}

/**
 * Whether the database answers, told within `waitMs` whatever it does. One
 * probe runs at a time, shared by every health request meanwhile (a locked
 * database never piles checks up). While it is pending, the database is
 * `busy` — held by a long transaction, or locked by another process — unless
 * the last probe failed or this one has waited `unreachableAfterMs`: then it
 * is `unreachable`, as when the probe fails.
 */
export class DatabaseHealth {
  #inFlight: Promise<void> | null = null
  #startedAt = 0
  #last: DatabaseState | null = null

  constructor(readonly options: Options) {}

  async check(): Promise<DatabaseState> {
    const { now = Date.now, wait = sleep, waitMs, unreachableAfterMs } = this.options
    if (!this.#inFlight) {
      this.#startedAt = now()
      const probe = this.options.probe()
      this.#inFlight = probe.then(
        () => void (this.#last = 'ok'),
        () => void (this.#last = 'unreachable')
      )
      this.#inFlight.finally(() => (this.#inFlight = null))
    }
    const settled = await Promise.race([
      this.#inFlight.then(() => true),
      wait(waitMs).then(() => false),
    ])
    if (settled) return this.#last!
    if (this.#last === 'unreachable' || now() - this.#startedAt >= unreachableAfterMs) {
      return 'unreachable'
    }
    return 'busy'
  }
}

/** The server's own database, as /health reports it. */
export const databaseHealth = new DatabaseHealth({
  probe: () => db.rawQuery('select 1'),
  waitMs: 50,
  unreachableAfterMs: 30_000,
})
