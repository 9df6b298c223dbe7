import type Membership from '#models/membership'
import { audit } from '#services/audit'
import { auditCsvLines } from '#services/audit_trail/csv'
import type { AuditFilters } from '#services/audit_trail/listing'

/**
 * The audit trail (filtered) as CSV. Reading the trail out is itself
 * audited, with the filters used.
 */
export default class ExportAuditEvents {
  static async handle({ actor, filters }: { actor: Membership; filters: AuditFilters }) {
    await audit({
      organizationId: actor.organizationId,
      userId: actor.userId,
      action: 'audit_events.exported',
      details: { filters },
    })
    return auditCsvLines(actor.organizationId, filters)
  }
}
