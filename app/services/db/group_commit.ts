import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { retryDeadlocks } from '#services/db/deadlocks'

type Waiting<Item, Result> = {
  item: Item
  resolve: (result: Result) => void
  reject: (error: unknown) => void
}

/** Where an item's write goes in its burst: compared number by number, lowest first. */
export type WriteOrder<Item> = (item: Item) => number[]

function compareKeys(a: number[], b: number[]) {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    if (a[index] !== b[index]) return a[index] - b[index]
  }
  return a.length - b.length
}

/**
 * Writes that arrive together share one transaction (a group commit): each
 * caller still waits until its own write is committed, but under load the
 * database commits once per burst instead of once per write — the commit,
 * not the statement, is what costs on SQLite. A burst MySQL picked as a
 * deadlock victim is run again whole (its transaction was rolled back whole).
 * A burst that fails otherwise is split in halves, and each half committed
 * on its own the same way, so one bad write fails alone while the rest of a
 * burst of hundreds commits in a handful of transactions, not one each.
 *
 * With `order`, a burst's writes run sorted by it. Writes that lock shared
 * rows (the report counters' shards) sorted the same way in every burst take
 * those rows in one order, so two bursts committing at once wait for each
 * other instead of deadlocking.
 */
export class GroupCommit<Item, Result> {
  #waiting: Array<Waiting<Item, Result>> = []
  #flushing = false

  constructor(
    private write: (item: Item, trx: TransactionClientContract) => Promise<Result>,
    private order?: WriteOrder<Item>
  ) {}

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
      await this.#commit(this.#sorted(batch))
    }
    this.#flushing = false
  }

  #sorted(batch: Array<Waiting<Item, Result>>) {
    const order = this.order
    if (!order || batch.length < 2) return batch
    const keyed = batch.map((waiting) => ({ waiting, key: order(waiting.item) }))
    keyed.sort((a, b) => compareKeys(a.key, b.key))
    return keyed.map(({ waiting }) => waiting)
  }

  async #commit(batch: Array<Waiting<Item, Result>>): Promise<void> {
    try {
      const results = await retryDeadlocks(() =>
        db.transaction(async (trx) => {
          const done: Result[] = []
          for (const { item } of batch) done.push(await this.write(item, trx))
          return done
        })
      )
      batch.forEach(({ resolve }, index) => resolve(results[index]))
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error)
      const half = Math.ceil(batch.length / 2)
      await this.#commit(batch.slice(0, half))
      await this.#commit(batch.slice(half))
    }
  }
}
