import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { retryDeadlocks } from '#services/db/deadlocks'
import { locksRows } from '#services/db/row_locks'

type Waiting<Item, Result> = {
  item: Item
  resolve: (result: Result) => void
  reject: (error: unknown) => void
}

/**
 * Writes that arrive together share one transaction (a group commit): each
 * caller still waits until its own write is committed, but under load the
 * database commits once per burst instead of once per write — the commit,
 * not the statement, is what costs on SQLite. A burst whose transaction
 * fails is retried one write per transaction, so one bad write fails alone
 * (and a write MySQL picked as a deadlock victim is run again, not failed).
 * SQLite has one writer, so one transaction is open at a time; MySQL/MariaDB
 * lock rows, so a few run side by side and one waiting on a lock does not
 * hold up every write behind it.
 */
export class GroupCommit<Item, Result> {
  #waiting: Array<Waiting<Item, Result>> = []
  #flushing = 0

  constructor(private write: (item: Item, trx: TransactionClientContract) => Promise<Result>) {}

  add(item: Item) {
    return new Promise<Result>((resolve, reject) => {
      this.#waiting.push({ item, resolve, reject })
      if (this.#flushing < lanes()) {
        this.#flushing++
        setImmediate(() => this.#flush())
      }
    })
  }

  async #flush() {
    while (this.#waiting.length) {
      const batch = this.#waiting
      this.#waiting = []
      try {
        const results = await db.transaction(async (trx) => {
          const done: Result[] = []
          for (const { item } of batch) done.push(await this.write(item, trx))
          return done
        })
        batch.forEach(({ resolve }, index) => resolve(results[index]))
      } catch {
        for (const { item, resolve, reject } of batch) {
          await retryDeadlocks(() => db.transaction((trx) => this.write(item, trx))).then(
            resolve,
            reject
          )
        }
      }
    }
    this.#flushing--
  }
}

/** Transactions a group commit keeps open at once where the database locks rows. */
const ROW_LOCKING_LANES = 4

/** One at a time on SQLite, and inside an open transaction (a test's): it is one connection. */
function lanes() {
  const client = db.connection()
  return locksRows(client) && !client.isTransaction ? ROW_LOCKING_LANES : 1
}
