import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import AuditEvent from '#models/audit_event'
import { clock } from '#services/clock'
import { eventHash, withoutSecrets } from '#services/audit_trail/chain'
import { sqlTime } from '#services/db/sql_time'
import { forUpdate, locksRows } from '#services/db/row_locks'
import { retryDeadlocks } from '#services/db/deadlocks'

type AuditEntry = {
  organizationId: number
  userId: number | null
  action: string
  subject?: { type: string; id: number }
  details?: Record<string, unknown>
}

/**
 * Records who did what to which record, in the caller's transaction (or
 * one of its own). Each event is chained to the organization's previous
 * one by hash (`node ace audit:verify`): the chain head row is updated
 * first, which takes its lock on MySQL and the write lock on SQLite, so
 * concurrent writers queue and keep one chain.
 */
export async function audit(
  entry: AuditEntry,
  trx?: TransactionClientContract
): Promise<AuditEvent> {
  // The first events of an organization race to make its chain head; MySQL
  // may pick one as a deadlock victim, and its whole transaction runs again.
  if (!trx) return retryDeadlocks(() => db.transaction((own) => audit(entry, own)))
  const now = clock.dateTime().startOf('second')
  const head = await lockChainHead(trx, entry.organizationId, sqlTime(now))
  const event = new AuditEvent().fill({
    organizationId: entry.organizationId,
    userId: entry.userId,
    action: entry.action,
    subjectType: entry.subject?.type ?? null,
    subjectId: entry.subject?.id ?? null,
    details: entry.details ? (withoutSecrets(entry.details) as Record<string, unknown>) : null,
    createdAt: now,
    updatedAt: now,
  })
  event.prevHash = head.last_hash
  event.hash = eventHash(head.last_hash, event)
  await event.useTransaction(trx).save()
  await trx
    .from('audit_chain_heads')
    .where('organization_id', entry.organizationId)
    .update({ last_event_id: event.id, last_hash: event.hash })
  return event
}

type ChainHead = { last_event_id: number | null; last_hash: string | null }

/**
 * The organization's chain head, held by this transaction until it ends:
 * FOR UPDATE on MySQL; on SQLite a write first, so the transaction holds
 * the database's write lock before it reads (a read first could leave it
 * unable to write once another process has). Made on first use.
 */
async function lockChainHead(
  trx: TransactionClientContract,
  organizationId: number,
  now: string
): Promise<ChainHead> {
  const read = async () => {
    const head = trx.from('audit_chain_heads').where('organization_id', organizationId)
    if (!locksRows(trx)) await head.clone().update({ updated_at: now })
    return forUpdate(head.select('last_event_id', 'last_hash')).first() as Promise<ChainHead | null>
  }
  const head = await read()
  if (head) return head
  await trx
    .knexQuery()
    .table('audit_chain_heads')
    .insert({ organization_id: organizationId, updated_at: now })
    .onConflict('organization_id')
    .ignore()
  return (await read())!
}
