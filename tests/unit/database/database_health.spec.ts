import { test } from '@japa/runner'
import { DatabaseHealth } from '#services/db/database_health'

/** A probe the test settles by hand, and a clock it moves by hand. */
function harness() {
  const probes: { resolve(): void; reject(error: Error): void }[] = []
  let clock = 0
  const health = new DatabaseHealth({
    probe: () => new Promise<void>((resolve, reject) => probes.push({ resolve, reject })),
    waitMs: 50,
    unreachableAfterMs: 30_000,
    now: () => clock,
    // The wait ends once pending callbacks have run: what the probe did by then decides.
    wait: () => new Promise((resolve) => setImmediate(resolve)),
  })
  return { health, probes, advance: (ms: number) => (clock += ms) }
}

test.group('Database health', () => {
  test('ok when the probe answers in time', async ({ assert }) => {
    const health = new DatabaseHealth({
      probe: async () => {},
      waitMs: 50,
      unreachableAfterMs: 30_000,
    })
    assert.equal(await health.check(), 'ok')
  })

  test('busy while the probe waits, every check sharing it; ok once it answers', async ({
    assert,
  }) => {
    const { health, probes } = harness()

    assert.equal(await health.check(), 'busy')
    assert.equal(await health.check(), 'busy')
    assert.lengthOf(probes, 1)

    const answered = health.check()
    probes[0].resolve()
    assert.equal(await answered, 'ok')
    assert.lengthOf(probes, 1)

    // The next check asks again; still waiting is busy again.
    assert.equal(await health.check(), 'busy')
    assert.lengthOf(probes, 2)
  })

  test('unreachable when the probe fails, and while the next probe waits', async ({ assert }) => {
    const { health, probes } = harness()
    const failed = health.check()
    probes[0].reject(new Error('connect ECONNREFUSED'))
    assert.equal(await failed, 'unreachable')

    assert.equal(await health.check(), 'unreachable')
    const recovered = health.check()
    probes[1].resolve()
    assert.equal(await recovered, 'ok')
  })

  test('unreachable once a probe has waited 30 s', async ({ assert }) => {
    const { health, advance } = harness()
    assert.equal(await health.check(), 'busy')
    advance(29_999)
    assert.equal(await health.check(), 'busy')
    advance(1)
    assert.equal(await health.check(), 'unreachable')
  })
})
