import { test } from '@japa/runner'
import type { Assert } from '@japa/assert'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { setTimeout as sleep } from 'node:timers/promises'
import { GroupCommit } from '#services/db/group_commit'

const TABLE = 'group_commit_probes'
/** Rows every write of a burst updates, like the report counters' shards. */
const SHARDS = 'group_commit_shards'
const SHARD_KEYS = [1, 2, 3, 4, 5, 6, 7, 8]

/** What MySQL's driver throws for a transaction it chose as a deadlock victim. */
function deadlockVictim() {
  return Object.assign(new Error('Deadlock found when trying to get lock'), { errno: 1213 })
}

/**
 * A group commit writing one probe row per item, recording every
 * transaction it wrote in; `fail(item, attempt)` may throw to fail a write.
 */
function probeWriter(fail: (item: number, attempt: number) => void = () => {}) {
  const transactions = new Set<TransactionClientContract>()
  const attempts = new Map<number, number>()
  const commit = new GroupCommit(async (item: number, trx: TransactionClientContract) => {
    transactions.add(trx)
    const attempt = (attempts.get(item) ?? 0) + 1
    attempts.set(item, attempt)
    await trx.table(TABLE).insert({ item })
    fail(item, attempt)
    return item * 10
  })
  return { commit, transactions }
}

async function committedItems() {
  const rows = await db.from(TABLE).select('item').orderBy('item')
  return rows.map((row) => row.item as number)
}

const items = (count: number) => Array.from({ length: count }, (_, index) => index + 1)

/** Each caller of items 1…count got its own result, and each item was committed once. */
async function assertEachCommittedOnce(assert: Assert, results: number[], count: number) {
  assert.deepEqual(
    results,
    items(count).map((item) => item * 10)
  )
  assert.deepEqual(await committedItems(), items(count))
}

test.group('Group commit | writes that arrive together', (group) => {
  group.setup(async () => {
    const schema = db.connection().schema
    await schema.dropTableIfExists(TABLE)
    await schema.dropTableIfExists(SHARDS)
    await schema.createTable(TABLE, (table) => {
      table.increments('id')
      table.integer('item').notNullable()
    })
    await schema.createTable(SHARDS, (table) => {
      table.integer('shard').primary()
      table.integer('total').notNullable()
    })
    return async () => {
      await schema.dropTable(TABLE)
      await schema.dropTable(SHARDS)
    }
  })
  group.each.setup(async () => {
    await db.from(TABLE).delete()
    await db.from(SHARDS).delete()
    await db.table(SHARDS).multiInsert(SHARD_KEYS.map((shard) => ({ shard, total: 0 })))
  })

  test('commit in one transaction, each caller answered with its own result', async ({
    assert,
  }) => {
    const { commit, transactions } = probeWriter()

    const results = await Promise.all(items(20).map((item) => commit.add(item)))

    await assertEachCommittedOnce(assert, results, 20)
    assert.equal(transactions.size, 1)
  })

  test('one bad write fails alone; the rest of a large burst commits in a few transactions', async ({
    assert,
  }) => {
    const { commit, transactions } = probeWriter((item) => {
      if (item === 37) throw new Error('a write that cannot succeed')
    })

    const outcomes = await Promise.allSettled(items(64).map((item) => commit.add(item)))

    const rejected = outcomes.flatMap((outcome, index) =>
      outcome.status === 'rejected' ? [{ item: index + 1, reason: String(outcome.reason) }] : []
    )
    assert.deepEqual(rejected, [{ item: 37, reason: 'Error: a write that cannot succeed' }])
    assert.deepEqual(
      await committedItems(),
      items(64).filter((item) => item !== 37)
    )
    // The burst, then halves down to the bad write: 1 + 2 × log2(64), where
    // one transaction a write would take 65.
    assert.isAtMost(transactions.size, 13)
  })

  test('a burst chosen as a deadlock victim is run again whole', async ({ assert }) => {
    const { commit, transactions } = probeWriter((item, attempt) => {
      if (item === 5 && attempt === 1) throw deadlockVictim()
    })

    const results = await Promise.all(items(30).map((item) => commit.add(item)))

    // Nothing of the rolled-back attempt is left, nothing is written twice.
    await assertEachCommittedOnce(assert, results, 30)
    assert.equal(transactions.size, 2)
  })

  test('bursts taking shared rows in their order wait for each other instead of deadlocking', async ({
    assert,
  }) => {
    // Each write holds its shard's row, then pauses, so two bursts are in
    // flight at once; unordered, the second (arriving in reverse) would take
    // 8, 7, … while the first takes 1, 2, … until each waits on the other
    // (MySQL/MariaDB then roll one back: a deadlock). SQLite has one writer.
    const bursts = [SHARD_KEYS, [...SHARD_KEYS].reverse()].map((arrival) => {
      const transactions = new Set<TransactionClientContract>()
      const writtenInOrder: number[] = []
      const commit = new GroupCommit(
        async (shard: number, trx: TransactionClientContract) => {
          transactions.add(trx)
          await trx.from(SHARDS).where('shard', shard).increment('total', 1)
          writtenInOrder.push(shard)
          await sleep(10)
        },
        (shard) => [shard]
      )
      return { arrival, commit, transactions, writtenInOrder }
    })

    await Promise.all(
      bursts.flatMap(({ arrival, commit }) => arrival.map((shard) => commit.add(shard)))
    )

    for (const { transactions, writtenInOrder } of bursts) {
      assert.deepEqual(writtenInOrder, SHARD_KEYS)
      assert.equal(transactions.size, 1)
    }
    const totals = await db.from(SHARDS).orderBy('shard').select('total')
    assert.deepEqual(
      totals.map((row) => Number(row.total)),
      SHARD_KEYS.map(() => 2)
    )
  })
})
