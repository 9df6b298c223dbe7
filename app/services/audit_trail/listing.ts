import { DateTime } from 'luxon'
import AuditEvent from '#models/audit_event'
import { sqlTime } from '#services/db/sql_time'

export type AuditFilters = {
  action?: string
  actorId?: number
  subjectType?: string
  subjectId?: number
  since?: Date
  until?: Date
}

/** A LIKE pattern (escape character `!`, the same on SQLite and MySQL) for values starting with `prefix`. */
function startsWith(prefix: string) {
  return `${prefix.replace(/[!%_]/g, (char) => `!${char}`)}%`
}

/** A date without a time of day, as `until`, means through the end of that day. */
function endOf(until: Date) {
  const time = DateTime.fromJSDate(until, { zone: 'utc' })
  return time.equals(time.startOf('day')) ? time.endOf('day') : time
}

/**
 * The organization's audit events matching the filters, newest first,
 * with who did each.
 */
export function auditEventsQuery(organizationId: number, filters: AuditFilters) {
  return AuditEvent.forOrganization(organizationId)
    .if(filters.action, (query) =>
      query.whereRaw("action LIKE ? ESCAPE '!'", [startsWith(filters.action!)])
    )
    .if(filters.actorId, (query) => query.where('user_id', filters.actorId!))
    .if(filters.subjectType, (query) => query.where('subject_type', filters.subjectType!))
    .if(filters.subjectId, (query) => query.where('subject_id', filters.subjectId!))
    .if(filters.since, (query) => query.where('created_at', '>=', sqlTime(filters.since!)))
    .if(filters.until, (query) => query.where('created_at', '<=', sqlTime(endOf(filters.until!))))
    .preload('user')
    .orderBy('id', 'desc')
}
