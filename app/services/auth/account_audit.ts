import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { audit } from '#services/audit'

type AccountEvent = {
  userId: number
  /** Who did it: the account's owner, or null when unknown (a failed sign-in, a reset link). */
  actorId: number | null
  action: string
  details?: Record<string, unknown>
}

/**
 * An event about an account rather than one organization (signing in, its
 * password), in the trail of every organization the account belongs to.
 */
export async function auditAccount(
  event: AccountEvent,
  trx?: TransactionClientContract
): Promise<void> {
  if (!trx) return db.transaction((own) => auditAccount(event, own))
  const memberships = await trx
    .from('memberships')
    .where('user_id', event.userId)
    .select('organization_id')
  for (const { organization_id: organizationId } of memberships) {
    await audit(
      {
        organizationId,
        userId: event.actorId,
        action: event.action,
        subject: { type: 'user', id: event.userId },
        details: event.details,
      },
      trx
    )
  }
}

/**
 * Sign-ins and failed sign-ins, with the client's address, never the
 * password. A failed attempt on an email without an account belongs to no
 * trail.
 */
export async function auditSignIn(
  attempt: { userId: number | null; email: string; ip: string },
  succeeded: boolean
) {
  const known = attempt.userId
    ? null
    : await db.from('users').where('email', attempt.email.trim().toLowerCase()).select('id').first()
  const userId: number | undefined = attempt.userId ?? known?.id
  if (!userId) return
  await auditAccount({
    userId,
    actorId: succeeded ? userId : null,
    action: succeeded ? 'auth.signed_in' : 'auth.sign_in_failed',
    details: { ip: attempt.ip },
  })
}
