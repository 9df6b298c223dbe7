import db from '@adonisjs/lucid/services/db'
import AuditEvent from '#models/audit_event'
import { eventHash } from '#services/audit_trail/chain'

export type ChainReport = {
  organizationId: number
  events: number
  /** Events from before the trail was chained (no hash), all at its start. */
  unchained: number
  /** The first event that does not follow from the one before, and why; null when intact. */
  firstBreak: { eventId: number | null; reason: string } | null
}

const CHUNK = 1000

/**
 * Walks one organization's audit events in order and recomputes each
 * hash: an edited event no longer matches its hash, a removed or inserted
 * one breaks the link of the next, and a removed last event no longer
 * matches the chain head.
 */
export async function verifyChain(organizationId: number): Promise<ChainReport> {
  const report: ChainReport = { organizationId, events: 0, unchained: 0, firstBreak: null }
  let previous: string | null = null
  let lastId: number | null = null
  let after = 0
  while (!report.firstBreak) {
    const events = await AuditEvent.query()
      .where('organization_id', organizationId)
      .where('id', '>', after)
      .orderBy('id')
      .limit(CHUNK)
    for (const event of events) {
      report.events++
      const reason = breakIn(event, previous, report.events === report.unchained + 1)
      if (reason === 'unchained') {
        report.unchained++
      } else if (reason) {
        report.firstBreak = { eventId: event.id, reason }
        break
      } else {
        previous = event.hash
      }
      lastId = event.id
    }
    if (events.length < CHUNK) break
    after = events[events.length - 1].id
  }
  if (report.firstBreak) return report

  const head = await db
    .from('audit_chain_heads')
    .where('organization_id', organizationId)
    .select('last_event_id', 'last_hash')
    .first()
  const expected = head?.last_hash ?? null
  if (expected !== previous || (expected && Number(head.last_event_id) !== lastId)) {
    report.firstBreak = {
      eventId: head?.last_event_id ?? null,
      reason: 'the newest events are missing (the chain head names a later event)',
    }
  }
  return report
}

/** Why `event` does not follow `previous`, 'unchained' for an event from before chaining, or null. */
function breakIn(event: AuditEvent, previous: string | null, atStart: boolean) {
  if (event.hash === null) return atStart ? 'unchained' : 'the event has no hash'
  if (event.prevHash !== previous) {
    return 'the event does not follow the one before it (an event was removed or inserted)'
  }
  if (eventHash(event.prevHash, event) !== event.hash)
    return 'the event was changed after it was written'
  return null
}

/** Every organization that has audit events or a chain head. */
export async function organizationsWithTrail() {
  const rows = await db
    .from('audit_events')
    .distinct('organization_id')
    .union((query) => query.from('audit_chain_heads').select('organization_id'))
  return [
    ...new Set(rows.map((row: { organization_id: number }) => Number(row.organization_id))),
  ].sort((a, b) => a - b)
}
