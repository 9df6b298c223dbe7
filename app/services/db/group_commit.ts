import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { retryDeadlocks } from '#services/db/deadlocks'

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
 */
export class GroupCommit<Item, Result> {
  #waiting: Array<Waiting<Item, Result>> = []
  #flushing = false

  constructor(private write: (item: Item, trx: TransactionClientContract) => Promise<Result>) {}

  add(item: Item) {
    return new Promise<Result>((resolve, reject) => {
      this.#waiting.push({ item, resolve, reject })
      if (!this.#flushing) {
        this.#flushing = true
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
    this.#flushing = false
  }
}
