import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { queueEmails } from '#services/notifications/queue'

const SUPERVISING_ROLES = ['supervisor', 'admin', 'owner']

/**
 * A conversation was just escalated (an escalating tag, put on by a texter or
 * an auto answer): every active supervisor, admin and owner of the
 * organization gets an email, except whoever escalated it.
 */
export async function queueEscalationEmails(
  trx: TransactionClientContract,
  escalation: { organizationId: number; campaignContactId: number; byUserId?: number | null }
) {
  const supervisors = await trx
    .from('memberships')
    .where('organization_id', escalation.organizationId)
    .where('status', 'active')
    .whereIn('role', SUPERVISING_ROLES)
    .if(escalation.byUserId, (query) => query.whereNot('user_id', escalation.byUserId!))
    .select('user_id')
  return queueEmails(trx, {
    organizationId: escalation.organizationId,
    userIds: supervisors.map((row) => row.user_id as number),
    kind: 'escalation',
    data: { campaignContactId: escalation.campaignContactId },
  })
}
