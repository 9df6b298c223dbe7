import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { GroupCommit } from '#services/db/group_commit'
import { locksRows } from '#services/db/row_locks'

const KEYS = [`group-commit-slow-${process.pid}`, `group-commit-fast-${process.pid}`]

/** A few turns of the event loop: time for any write that can commit to do so. */
async function turns() {
  for (let index = 0; index < 20; index++) await new Promise((resolve) => setTimeout(resolve, 5))
}

/**
 * Committed for real (no test transaction around it): inside an open
 * transaction everything shares one connection, and one write at a time.
 */
test.group('Database | group commit', (group) => {
  group.each.teardown(() => db.from('pacing_slots').whereIn('key', KEYS).delete())

  test('a slow write holds up the others on SQLite only; MySQL commits them meanwhile', async ({
    assert,
  }) => {
    const [slowKey, fastKey] = KEYS
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const writes = new GroupCommit(async (key: string, trx) => {
      // The slow write waits inside its transaction, as on a lock another transaction holds.
      if (key === slowKey) await held
      await trx.table('pacing_slots').insert({ key, next_free_at: 1 })
      return key
    })
    const committed: string[] = []

    const slow = writes.add(slowKey).then((key) => committed.push(key))
    await turns()
    const fast = writes.add(fastKey).then((key) => committed.push(key))
    await turns()
    const meanwhile = [...committed]
    release()
    await Promise.all([slow, fast])

    // One writer on SQLite: the second write waits for the first transaction to end.
    assert.deepEqual(meanwhile, locksRows(db.connection()) ? [fastKey] : [])
    assert.sameMembers(committed, KEYS)
    const stored = await db.from('pacing_slots').whereIn('key', KEYS).select('key')
    assert.lengthOf(stored, 2)
  })
})
