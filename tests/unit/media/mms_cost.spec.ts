import { test } from '@japa/runner'
import { estimateCost } from '#services/scripts/cost'
import { DEFAULT_MEDIA_LIMITS, strictest } from '#services/media/limits'

const organization = { name: 'Org' }

test.group('Media | MMS cost estimate', () => {
  test('a variant with pictures costs one MMS per contact, whatever its length', ({ assert }) => {
    const result = estimateCost({
      variants: [{ body: 'x'.repeat(400), mediaIds: [7] }],
      count: 100,
      pricePerSegment: 0.01,
      pricePerMms: 0.02,
      organization,
    })
    assert.equal(result.mms, 100)
    assert.equal(result.segments, 0)
    assert.equal(result.cost, 2)
    assert.isTrue(result.variants[0].mms)
  })

  test('A/B variants with and without a picture are priced by weight', ({ assert }) => {
    const result = estimateCost({
      variants: [
        { body: 'Short text', weight: 3 },
        { body: 'With the flyer', weight: 1, mediaIds: [7] },
      ],
      count: 1000,
      pricePerSegment: 0.01,
      pricePerMms: 0.03,
      organization,
    })
    assert.equal(result.segments, 750)
    assert.equal(result.mms, 250)
    assert.equal(result.cost, 7.5 + 7.5)
  })
})

test.group('Media | carrier limits', () => {
  test('pictures fit the strictest of the plugins an organization sends through', ({ assert }) => {
    const limits = strictest([
      { maxBytes: 1_000_000, maxDimension: 2000, contentTypes: ['image/jpeg', 'image/png'] },
      { maxBytes: 600 * 1024, maxDimension: 1600, contentTypes: ['image/jpeg', 'image/gif'] },
    ])
    assert.deepEqual(limits, {
      maxBytes: 600 * 1024,
      maxDimension: 1600,
      contentTypes: ['image/jpeg'],
    })
    assert.deepEqual(strictest([]), DEFAULT_MEDIA_LIMITS)
  })
})
