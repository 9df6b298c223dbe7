import { test } from '@japa/runner'
import { clock } from '#services/clock'

test.group('Clock', (group) => {
  group.each.teardown(() => clock.reset())

  test('travel moves the application time and reset brings it back', ({ assert }) => {
    const before = Date.now()
    clock.travel(2 * 3600_000)
    assert.isAtLeast(clock.now().getTime() - before, 2 * 3600_000)
    assert.isAtLeast(clock.dateTime().toMillis() - before, 2 * 3600_000)
    clock.reset()
    assert.isBelow(clock.now().getTime() - before, 3600_000)
  })
})
