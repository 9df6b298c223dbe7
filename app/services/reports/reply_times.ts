/**
 * The median of a texter's reply times from the counted histogram (buckets
 * in database/report_counters.ts: exact under a minute, then to 10 s, to the
 * minute, to 10 minutes, to the hour). It is the middle reply — the
 * ⌈n/2⌉-th fastest — reported as its bucket's lower bound; null when the
 * texter answered no reply.
 */
export function medianOfBuckets(buckets: { seconds: number; count: number }[]) {
  const total = buckets.reduce((sum, bucket) => sum + bucket.count, 0)
  if (!total) return null
  const middle = Math.ceil(total / 2)
  let seen = 0
  for (const bucket of [...buckets].sort((a, b) => a.seconds - b.seconds)) {
    seen += bucket.count
    if (seen >= middle) return bucket.seconds
  }
  return null
}
