import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { GroupCommit } from '#services/db/group_commit'

const TABLE = 'group_commit_probes'

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

test.group('Group commit | writes that arrive together', (group) => {
  group.setup(async () => {
    await db.connection().schema.dropTableIfExists(TABLE)
    await db.connection().schema.createTable(TABLE, (table) => {
      table.increments('id')
      table.integer('item').notNullable()
    })
    return () => db.connection().schema.dropTable(TABLE)
  })
  group.each.setup(async () => {
    await db.from(TABLE).delete()
  })

  test('commit in one transaction, each caller answered with its own result', async ({
    assert,
  }) => {
    const { commit, transactions } = probeWriter()

    const results = await Promise.all(items(20).map((item) => commit.add(item)))

    assert.deepEqual(
      results,
      items(20).map((item) => item * 10)
    )
    assert.deepEqual(await committedItems(), items(20))
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

    assert.deepEqual(
      results,
      items(30).map((item) => item * 10)
    )
    // Nothing of the rolled-back attempt is left, nothing is written twice.
    assert.deepEqual(await committedItems(), items(30))
    assert.equal(transactions.size, 2)
  })
})
