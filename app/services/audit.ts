import AuditEvent from '#models/audit_event'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

type AuditEntry = {
  organizationId: number
  userId: number | null
  action: string
  subject?: { type: string; id: number }
  details?: Record<string, unknown>
}

/**
 * Records who did what to which record, in the caller's transaction.
 */
export async function audit(entry: AuditEntry, trx?: TransactionClientContract) {
  await AuditEvent.create(
    {
      organizationId: entry.organizationId,
      userId: entry.userId,
      action: entry.action,
      subjectType: entry.subject?.type ?? null,
      subjectId: entry.subject?.id ?? null,
      details: entry.details ?? null,
    },
    { client: trx }
  )
}
