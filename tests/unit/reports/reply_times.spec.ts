import { test } from '@japa/runner'
import { medianOfBuckets } from '#services/reports/reply_times'

test.group('Texter median reply time', () => {
  test('the middle reply of an odd count', ({ assert }) => {
    const buckets = [
      { seconds: 120, count: 1 },
      { seconds: 5, count: 1 },
      { seconds: 30, count: 1 },
    ]
    assert.equal(medianOfBuckets(buckets), 30)
  })

  test('the lower middle reply of an even count', ({ assert }) => {
    assert.equal(
      medianOfBuckets([
        { seconds: 10, count: 2 },
        { seconds: 600, count: 2 },
      ]),
      10
    )
  })

  test('none without replies', ({ assert }) => {
    assert.isNull(medianOfBuckets([]))
    assert.isNull(medianOfBuckets([{ seconds: 10, count: 0 }]))
  })
})
