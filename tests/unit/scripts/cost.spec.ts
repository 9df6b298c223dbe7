import { test } from '@japa/runner'
import { estimateCost } from '#services/scripts/cost'
import type { MergeContact } from '#services/scripts/merge_fields'

const organization = { name: 'Org' }
const person = (firstName: string): MergeContact => ({
  firstName,
  lastName: null,
  zip: null,
  customFields: {},
})
// 150 characters before the name: "Al" fits one segment, "Bartholomew" needs two.
const body = `${'x'.repeat(150)} {firstName}`

test.group('Scripts | cost estimate', () => {
  test('renders each contact: exact when every contact is given', ({ assert }) => {
    const result = estimateCost({
      variants: [{ body }],
      count: 3,
      contacts: [person('Al'), person('Bartholomew'), person('Bo')],
      pricePerSegment: 0.01,
      organization,
    })
    assert.equal(result.segments, 4)
    assert.equal(result.cost, 0.04)
    assert.isTrue(result.exact)
    assert.equal(result.segmentsPerContact, 1.3333)
  })

  test('a sample is scaled to the audience', ({ assert }) => {
    const result = estimateCost({
      variants: [{ body }],
      count: 1000,
      contacts: [person('Al'), person('Bartholomew')],
      pricePerSegment: 0.0079,
      organization,
    })
    assert.equal(result.segments, 1500)
    assert.equal(result.cost, 11.85)
    assert.isFalse(result.exact)
  })

  test('variants count by weight', ({ assert }) => {
    const result = estimateCost({
      variants: [
        { body: 'short', weight: 3 },
        { body: 'y'.repeat(200), weight: 1 },
      ],
      count: 100,
      pricePerSegment: 0.01,
      organization,
    })
    assert.deepEqual(
      result.variants.map((variant) => variant.segmentsPerContact),
      [1, 2]
    )
    assert.equal(result.segments, 125)
    assert.equal(result.cost, 1.25)
  })

  test('{texterName} uses the stand-in name', ({ assert }) => {
    const result = estimateCost({
      variants: [{ body: `${'x'.repeat(155)}{texterName}` }],
      count: 1,
      contacts: [person('Al')],
      pricePerSegment: 1,
      organization,
      texterName: 'Jo',
    })
    assert.equal(result.segments, 1)
  })
})
