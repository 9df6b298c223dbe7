/**
 * Where a reassignment form sends contacts: its "to" choice names a texter,
 * or is "" for back to the pool, which is an unassign.
 */
export function assignmentTarget(data: Record<string, any>) {
  const to = String(data.toUserId ?? '')
  return { action: to ? 'reassign' : 'unassign', ...(to ? { toUserId: Number(to) } : {}) }
}

/** A move of a texter's load or of waiting replies, as the server takes it. */
export function assignmentMove(data: Record<string, any>) {
  const from = String(data.fromUserId ?? '')
  return {
    ...assignmentTarget(data),
    ...(from ? { fromUserId: Number(from) } : {}),
    ...(data.scope ? { scope: data.scope } : {}),
    ...(data.repliesOlderThanHours !== undefined
      ? { repliesOlderThanHours: Number(data.repliesOlderThanHours) }
      : {}),
  }
}
