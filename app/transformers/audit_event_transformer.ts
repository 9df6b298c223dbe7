import type AuditEvent from '#models/audit_event'
import { BaseTransformer } from '@adonisjs/core/transformers'
import type { JSONDataTypes } from '@adonisjs/core/types/transformers'

/** An audit event as the API and the audit page show it; `user` must be preloaded. */
export default class AuditEventTransformer extends BaseTransformer<AuditEvent> {
  toObject() {
    const event = this.resource
    return {
      id: event.id,
      action: event.action,
      actor: event.user ? { id: event.user.id, name: event.user.fullName } : null,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      // Read back from the column's JSON.
      data: (event.details ?? {}) as { [key: string]: JSONDataTypes },
      createdAt: event.createdAt.toUTC().toISO(),
    }
  }
}
