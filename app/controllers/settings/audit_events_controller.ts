import { Readable } from 'node:stream'
import type { HttpContext } from '@adonisjs/core/http'
import Membership from '#models/membership'
import ExportAuditEvents from '#actions/audit_events/export_audit_events'
import { auditEventsQuery } from '#services/audit_trail/listing'
import { clock } from '#services/clock'
import AuditEventTransformer from '#transformers/audit_event_transformer'
import { auditEventFiltersValidator, auditExportFiltersValidator } from '#validators/audit_event'

export default class AuditEventsController {
  /** The audit trail, newest first, with the filters of the API. */
  async index({ request, inertia, membership, bouncer }: HttpContext) {
    await bouncer.with('AuditEventPolicy').authorize('view')
    const {
      page = 1,
      perPage = 50,
      ...filters
    } = await request.validateUsing(auditEventFiltersValidator, { data: request.qs() })
    const result = await auditEventsQuery(membership.organizationId, filters).paginate(
      page,
      perPage
    )
    const members = await Membership.query()
      .where('organization_id', membership.organizationId)
      .preload('user')
    return inertia.render('settings/audit_events', {
      events: result.all().map((event) => new AuditEventTransformer(event).toObject()),
      meta: { total: result.total, page, perPage },
      filters: request.qs() as Record<string, string>,
      actors: members
        .map((member) => ({ id: member.userId, name: member.user.fullName }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    })
  }

  /** The filtered trail as spreadsheet-safe CSV. */
  async export({ request, response, membership, bouncer }: HttpContext) {
    await bouncer.with('AuditEventPolicy').authorize('view')
    const filters = await request.validateUsing(auditExportFiltersValidator, {
      data: request.qs(),
    })
    const lines = await ExportAuditEvents.handle({ actor: membership, filters })
    const day = clock.dateTime().toUTC().toISODate()
    response.header('Content-Type', 'text/csv; charset=utf-8')
    response.header('Content-Disposition', `attachment; filename="audit-trail-${day}.csv"`)
    response.stream(Readable.from(lines))
  }
}
