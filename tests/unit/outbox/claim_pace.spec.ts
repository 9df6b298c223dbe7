import { test } from '@japa/runner'
import { claimPace } from '#services/outbox/dispatcher'

const NOW = 1_000_000
const WAIT = 2000

test.group('Outbox | pace of claims under a backlog', () => {
  test('every text got its slot: the next claim may come at once, full size', ({ assert }) => {
    const slots = [
      { at: NOW, reserved: true },
      { at: NOW + 500, reserved: true },
    ]
    assert.isNull(claimPace(slots, WAIT, NOW))
    assert.isNull(claimPace([], WAIT, NOW))
  })

  test('texts that outran the pace hold the next claim for half a wait, sized to what was sent', ({
    assert,
  }) => {
    const slots = [
      ...Array.from({ length: 30 }, (_, index) => ({ at: NOW + index * 20, reserved: true })),
      ...Array.from({ length: 70 }, () => ({ at: NOW + WAIT + 20, reserved: false })),
    ]
    assert.deepEqual(claimPace(slots, WAIT, NOW), { notBefore: NOW + WAIT / 2, limit: 30 })
  })

  test('a slow sender holds claims no longer; a claim still takes at least 10 rows', ({
    assert,
  }) => {
    const slots = [
      { at: NOW, reserved: true },
      { at: NOW + 60_000, reserved: false },
      { at: NOW + 60_000, reserved: false },
    ]
    assert.deepEqual(claimPace(slots, WAIT, NOW), { notBefore: NOW + WAIT / 2, limit: 10 })
  })
})
