import type { HttpContext } from '@adonisjs/core/http'
import { auditEventsQuery } from '#services/audit_trail/listing'
import AuditEventTransformer from '#transformers/audit_event_transformer'
import { auditEventFiltersValidator } from '#validators/audit_event'

export default class AuditEventsController {
  /** `?action=` (a prefix), `actorId`, `subjectType`, `subjectId`, `since`, `until`; newest first. */
  async index({ request, membership, bouncer }: HttpContext) {
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
    return {
      data: result.all().map((event) => new AuditEventTransformer(event).toObject()),
      meta: { total: result.total, page, perPage },
    }
  }
}
