import vine from '@vinejs/vine'
import { paginationFields } from '#validators/pagination'

/**
 * The audit trail's filters (page, CSV export and `GET /api/v1/audit-events`):
 * `action` is a prefix ("contact." finds every contact event), `since` and
 * `until` are ISO dates or times (`until` a date means through that day).
 */
export const auditFilterFields = () => ({
  action: vine.string().trim().maxLength(60).optional(),
  actorId: vine.number().withoutDecimals().min(1).optional(),
  subjectType: vine.string().trim().maxLength(40).optional(),
  subjectId: vine.number().withoutDecimals().min(1).optional(),
  since: vine.date({ formats: { utc: true } }).optional(),
  until: vine.date({ formats: { utc: true } }).optional(),
})

export const auditEventFiltersValidator = vine.create({
  ...auditFilterFields(),
  ...paginationFields(),
})

/** The CSV export: the same filters, every page. */
export const auditExportFiltersValidator = vine.create(auditFilterFields())
