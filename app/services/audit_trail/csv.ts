import { csvLine } from '#services/exports/spreadsheet_csv'
import AuditEventTransformer from '#transformers/audit_event_transformer'
import { auditEventsQuery, type AuditFilters } from '#services/audit_trail/listing'

const CHUNK = 1000

/**
 * The matching audit events as spreadsheet-safe CSV lines, newest first,
 * read in chunks so a long trail never sits in memory whole.
 */
export async function* auditCsvLines(organizationId: number, filters: AuditFilters) {
  yield csvLine([
    'id',
    'created_at',
    'action',
    'actor_id',
    'actor',
    'subject_type',
    'subject_id',
    'data',
  ])
  let before: number | null = null
  while (true) {
    const chunk = await auditEventsQuery(organizationId, filters)
      .if(before, (query) => query.where('id', '<', before!))
      .limit(CHUNK)
    for (const event of chunk) {
      const row = new AuditEventTransformer(event).toObject()
      yield csvLine([
        row.id,
        row.createdAt,
        row.action,
        row.actor?.id,
        row.actor?.name,
        row.subjectType,
        row.subjectId,
        JSON.stringify(row.data),
      ])
    }
    if (chunk.length < CHUNK) return
    before = chunk[chunk.length - 1].id
  }
}
