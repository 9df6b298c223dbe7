/**
 * Whether script variants' response rates really differ: Pearson's
 * chi-square test of independence on the variants × (replied, did not
 * reply) table — for two variants the same as the two-proportion z-test.
 *
 * A difference counts as meaningful at p < 0.05, and only once every variant
 * has at least MIN_SENT texts sent and every expected cell count is at least
 * 5 (below that the test's approximation does not hold).
 */
export const SIGNIFICANCE_LEVEL = 0.05
export const MIN_SENT = 30

export type Group = { successes: number; trials: number }

export type SignificanceResult = {
  /** Every variant has enough texts for the test to mean something. */
  enoughData: boolean
  statistic: number | null
  degreesOfFreedom: number
  pValue: number | null
  significant: boolean
}

export function compareRates(groups: Group[]): SignificanceResult {
  const degreesOfFreedom = Math.max(groups.length - 1, 0)
  const none = { statistic: null, pValue: null, significant: false, degreesOfFreedom }
  const trials = groups.reduce((sum, group) => sum + group.trials, 0)
  const successes = groups.reduce((sum, group) => sum + group.successes, 0)
  if (groups.length < 2 || groups.some((group) => group.trials < MIN_SENT)) {
    return { enoughData: false, ...none }
  }
  const rate = successes / trials
  const expected = groups.flatMap((group) => [group.trials * rate, group.trials * (1 - rate)])
  if (expected.some((cell) => cell < 5)) return { enoughData: false, ...none }

  let statistic = 0
  groups.forEach((group, index) => {
    const observed = [group.successes, group.trials - group.successes]
    observed.forEach((cell, side) => {
      const want = expected[index * 2 + side]
      statistic += (cell - want) ** 2 / want
    })
  })
  const pValue = chiSquareSurvival(statistic, degreesOfFreedom)
  return {
    enoughData: true,
    statistic: round(statistic, 4),
    degreesOfFreedom,
    pValue: round(pValue, 6),
    significant: pValue < SIGNIFICANCE_LEVEL,
  }
}

function round(value: number, digits: number) {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

/** P(X ≥ x) for X chi-square distributed with `k` degrees of freedom. */
export function chiSquareSurvival(x: number, k: number) {
  if (x <= 0) return 1
  return upperRegularizedGamma(k / 2, x / 2)
}

/** ln Γ(z), Lanczos approximation (g = 7, n = 9), accurate to ~15 digits for z > 0. */
function logGamma(z: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ]
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z)
  const x = z - 1
  let sum = c[0]
  for (let i = 1; i < 9; i++) sum += c[i] / (x + i)
  const t = x + 7.5
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum)
}

/**
 * Q(s, x) = Γ(s, x) / Γ(s): by its power series when x < s + 1, else by
 * its continued fraction (modified Lentz), each converging fast there.
 */
function upperRegularizedGamma(s: number, x: number): number {
  const prefix = Math.exp(-x + s * Math.log(x) - logGamma(s))
  if (x < s + 1) {
    let term = 1 / s
    let sum = term
    for (let n = 1; n < 500 && Math.abs(term) > Math.abs(sum) * 1e-15; n++) {
      term *= x / (s + n)
      sum += term
    }
    return Math.max(0, 1 - sum * prefix)
  }
  const tiny = 1e-300
  let b = x + 1 - s
  let c = 1 / tiny
  let d = 1 / b
  let h = d
  for (let n = 1; n < 500; n++) {
    const an = -n * (n - s)
    b += 2
    d = an * d + b
    if (Math.abs(d) < tiny) d = tiny
    c = b + an / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    const delta = d * c
    h *= delta
    if (Math.abs(delta - 1) < 1e-15) break
  }
  return Math.min(1, prefix * h)
}
