import db from '@adonisjs/lucid/services/db'
import { audit } from '#services/audit'

/**
 * Sign-ins and failed sign-ins in the audit trail of every organization the
 * account belongs to (a sign-in is to the account, not one organization).
 * A failed attempt on an email without an account belongs to no trail.
 * Only the account and the client address are recorded, never the password.
 */
export async function auditSignIn(
  attempt: { userId: number | null; email: string; ip: string },
  succeeded: boolean
) {
  const known = attempt.userId
    ? null
    : await db.from('users').where('email', attempt.email.trim().toLowerCase()).select('id').first()
  const userId = attempt.userId ?? known?.id
  if (!userId) return
  const memberships = await db
    .from('memberships')
    .where('user_id', userId)
    .select('organization_id')
  await db.transaction(async (trx) => {
    for (const { organization_id: organizationId } of memberships) {
      await audit(
        {
          organizationId,
          userId: succeeded ? userId : null,
          action: succeeded ? 'auth.signed_in' : 'auth.sign_in_failed',
          subject: { type: 'user', id: userId },
          details: { ip: attempt.ip },
        },
        trx
      )
    }
  })
}
