import { createHash } from 'node:crypto'

type Weighted = { id: number; weight: number }

/**
 * The variant a contact gets: a point in [0, total weight) drawn from a hash
 * of (campaign, contact), so the same contact always lands on the same
 * variant — a retried launch assigns exactly what the first attempt would —
 * while across many contacts each variant's share follows its weight.
 */
export function pickVariant<T extends Weighted>(
  campaignId: number,
  contactId: number,
  variants: T[]
) {
  const total = variants.reduce((sum, variant) => sum + variant.weight, 0)
  const digest = createHash('sha256').update(`${campaignId}:${contactId}`).digest()
  let point = (digest.readUInt32BE(0) / 2 ** 32) * total
  for (const variant of variants) {
    if (point < variant.weight) return variant
    point -= variant.weight
  }
  return variants[variants.length - 1]
}
