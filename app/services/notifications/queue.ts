import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { clock } from '#services/clock'
import { sqlTime } from '#services/db/sql_time'
import { changedRows, releaseExpiredClaims } from '#services/db/row_locks'
import { canSendMail } from '#services/mailer'
import { PREFERENCE_COLUMNS, type NotificationKind } from '#services/notifications/kinds'

/** An email claimed by one worker for sending. */
export type ClaimedEmail = {
  id: number
  organizationId: number
  userId: number
  kind: NotificationKind
  data: Record<string, unknown>
  attempts: number
}

/** A claimed email whose worker stopped answering for this long goes back to the queue. */
const LEASE_MS = 5 * 60_000
/** Tries before an email counts as failed (waits 1, 2, 4, 8 minutes between them). */
const MAX_ATTEMPTS = 5

const listeners = new Set<() => void>()

/** Called after emails are queued (and committed): a running worker looks at once. Returns the unsubscribe. */
export function onEmailsQueued(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

type Queued = {
  organizationId: number
  userIds: number[]
  kind: NotificationKind
  data: Record<string, unknown>
}

/**
 * Queues one email of `kind` for each of `userIds` who has that kind turned
 * on, in the caller's transaction, so the email exists exactly when what it
 * tells about does. Nothing is queued when SMTP is not configured.
 */
export async function queueEmails(trx: TransactionClientContract, queued: Queued) {
  if (!canSendMail() || !queued.userIds.length) return 0
  const recipients = await trx
    .from('users')
    .whereIn('id', queued.userIds)
    .where(PREFERENCE_COLUMNS[queued.kind], true)
    .select('id')
  if (!recipients.length) return 0
  const now = sqlTime(clock.now())
  await trx.table('notification_emails').multiInsert(
    recipients.map((row) => ({
      organization_id: queued.organizationId,
      user_id: row.id,
      kind: queued.kind,
      data: JSON.stringify(queued.data),
      status: 'queued',
      next_attempt_at: now,
      created_at: now,
    }))
  )
  trx.after('commit', () => listeners.forEach((listener) => listener()))
  return recipients.length
}

/** Claims the oldest due email for `token` (a conditional update: one worker wins it). */
export async function claimNext(token: string): Promise<ClaimedEmail | null> {
  const now = sqlTime(clock.now())
  const due = await db
    .from('notification_emails')
    .where('status', 'queued')
    .where('next_attempt_at', '<=', now)
    .orderBy('id')
    .limit(10)
    .select('id')
  for (const { id } of due) {
    const claimed = await db
      .from('notification_emails')
      .where('id', id)
      .where('status', 'queued')
      .update({ status: 'sending', claimed_at: now, claimed_by: token })
    if (changedRows(claimed) !== 1) continue
    const row = await db.from('notification_emails').where('id', id).firstOrFail()
    return {
      id: row.id,
      organizationId: row.organization_id,
      userId: row.user_id,
      kind: row.kind,
      data: JSON.parse(row.data),
      attempts: row.attempts,
    }
  }
  return null
}

/** Emails whose worker died mid-send (a restart) are queued again. */
export async function reclaimExpired() {
  const cutoff = sqlTime(new Date(clock.now().getTime() - LEASE_MS))
  return releaseExpiredClaims('notification_emails', 'sending', cutoff, { status: 'queued' })
}

type Outcome = { sent: true } | { skipped: true } | { error: string }

/** Records how sending went: sent, skipped (nothing left to tell), or retried later. */
export async function recordOutcome(email: ClaimedEmail, token: string, outcome: Outcome) {
  const now = clock.now()
  const mine = db
    .from('notification_emails')
    .where('id', email.id)
    .where('status', 'sending')
    .where('claimed_by', token)
  const released = { claimed_at: null, claimed_by: null }
  if ('sent' in outcome) {
    return mine.update({ ...released, status: 'sent', sent_at: sqlTime(now) })
  }
  if ('skipped' in outcome) return mine.update({ ...released, status: 'skipped' })
  const attempts = email.attempts + 1
  const retryAt = new Date(now.getTime() + 2 ** (attempts - 1) * 60_000)
  return mine.update({
    ...released,
    status: attempts >= MAX_ATTEMPTS ? 'failed' : 'queued',
    attempts,
    next_attempt_at: sqlTime(retryAt),
    last_error: outcome.error.slice(0, 500),
  })
}
