import { test } from '@japa/runner'
import { chiSquareSurvival, compareRates, MIN_SENT } from '#services/reports/significance'

test.group('A/B significance | chi-square distribution', () => {
  test('{x} with {k} degrees of freedom leaves p = {p}')
    .with([
      { x: 3.841459, k: 1, p: 0.05 },
      { x: 6.634897, k: 1, p: 0.01 },
      { x: 1, k: 1, p: 0.3173105 },
      { x: 5.991465, k: 2, p: 0.05 },
      { x: 10, k: 3, p: 0.01856614 },
      { x: 0.5, k: 4, p: 0.973501 },
      { x: 40, k: 2, p: 2.061154e-9 },
    ])
    .run(({ assert }, { x, k, p }) => {
      assert.closeTo(chiSquareSurvival(x, k), p, p * 1e-5)
    })

  test('no difference at all gives p = 1', ({ assert }) => {
    assert.equal(chiSquareSurvival(0, 1), 1)
  })
})

test.group('A/B significance | comparing response rates', () => {
  test('10% against 13% of 1,000 texts each is a real difference (z = 2.10)', ({ assert }) => {
    const result = compareRates([
      { successes: 100, trials: 1000 },
      { successes: 130, trials: 1000 },
    ])
    assert.isTrue(result.enoughData)
    assert.isTrue(result.significant)
    assert.equal(result.degreesOfFreedom, 1)
    // z² of the two-proportion test: (0.03 / sqrt(0.115 × 0.885 × 2/1000))².
    assert.closeTo(result.statistic!, 4.4214, 0.0001)
    assert.closeTo(result.pValue!, 0.035497, 0.00001)
  })

  test('10% against 11% of 1,000 texts each is not', ({ assert }) => {
    const result = compareRates([
      { successes: 100, trials: 1000 },
      { successes: 110, trials: 1000 },
    ])
    assert.isTrue(result.enoughData)
    assert.isFalse(result.significant)
    assert.closeTo(result.pValue!, 0.4657, 0.0005)
  })

  test('three variants are tested together', ({ assert }) => {
    const result = compareRates([
      { successes: 50, trials: 500 },
      { successes: 50, trials: 500 },
      { successes: 90, trials: 500 },
    ])
    assert.equal(result.degreesOfFreedom, 2)
    assert.isTrue(result.significant)
    assert.isBelow(result.pValue!, 0.001)
  })

  test('a variant with fewer than the minimum texts makes no verdict', ({ assert }) => {
    const result = compareRates([
      { successes: 0, trials: MIN_SENT - 1 },
      { successes: 500, trials: 1000 },
    ])
    assert.isFalse(result.enoughData)
    assert.isFalse(result.significant)
    assert.isNull(result.pValue)
  })

  test('too few replies to expect 5 in every cell makes no verdict', ({ assert }) => {
    const result = compareRates([
      { successes: 0, trials: 100 },
      { successes: 3, trials: 100 },
    ])
    assert.isFalse(result.enoughData)
    assert.isFalse(result.significant)
  })

  test('a single variant has nothing to compare', ({ assert }) => {
    const result = compareRates([{ successes: 10, trials: 100 }])
    assert.isFalse(result.enoughData)
    assert.equal(result.degreesOfFreedom, 0)
  })
})
