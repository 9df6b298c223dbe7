import db from '@adonisjs/lucid/services/db'
import Organization from '#models/organization'
import { clock } from '#services/clock'
import { sqlTime } from '#services/db/sql_time'
import { isUniqueViolation } from '#services/db/unique_violation'
import { canSendMail } from '#services/mailer'
import { queueEmails } from '#services/notifications/queue'

/** A member gets at most one digest an hour from each organization. */
const DIGEST_EVERY_MS = 60 * 60_000

/** When a reply that arrived before this has waited long enough for a digest. */
export function digestCutoff(organization: Organization, now = clock.now()) {
  return new Date(now.getTime() - organization.settings.replyDigestMinutes * 60_000)
}

/**
 * Replies to `organization`'s texts waiting on one member since before
 * `cutoff`, oldest first: what a digest lists.
 */
export function waitingReplies(organizationId: number, cutoff: Date) {
  return db
    .from('campaign_contacts as cc')
    .where('cc.organization_id', organizationId)
    .where('cc.status', 'needs_response')
    .whereNotNull('cc.assigned_user_id')
    .where('cc.last_inbound_at', '<=', sqlTime(cutoff))
}

/** Active members holding replies older than the organization's limit, with digests on. */
async function membersWithWaitingReplies(organization: Organization, now: Date) {
  const rows = await waitingReplies(organization.id, digestCutoff(organization, now))
    .join('memberships as m', (join) =>
      join.on('m.user_id', 'cc.assigned_user_id').andOn('m.organization_id', 'cc.organization_id')
    )
    .join('users as u', 'u.id', 'cc.assigned_user_id')
    .where('m.status', 'active')
    .where('u.email_reply_digests', true)
    .whereNotExists((recent) =>
      recent
        .from('reply_digest_claims as r')
        .whereColumn('r.user_id', 'cc.assigned_user_id')
        .where('r.organization_id', organization.id)
        .where('r.last_queued_at', '>', sqlTime(new Date(now.getTime() - DIGEST_EVERY_MS)))
    )
    .groupBy('cc.assigned_user_id')
    .select('cc.assigned_user_id as userId')
  return rows.map((row) => row.userId as number)
}

/**
 * Takes this hour's digest for one member: a conditional update on their
 * claim row, so of several workers looking at once one queues it, and none
 * again within the hour.
 */
async function queueDigest(organizationId: number, userId: number, now: Date) {
  try {
    await db
      .table('reply_digest_claims')
      .insert({ organization_id: organizationId, user_id: userId, last_queued_at: null })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
  }
  return db.transaction(async (trx) => {
    const claimed = await trx
      .from('reply_digest_claims')
      .where('organization_id', organizationId)
      .where('user_id', userId)
      .where((query) =>
        query
          .whereNull('last_queued_at')
          .orWhere('last_queued_at', '<=', sqlTime(new Date(now.getTime() - DIGEST_EVERY_MS)))
      )
      .update({ last_queued_at: sqlTime(now) })
    if (Number(Array.isArray(claimed) ? claimed[0] : claimed) !== 1) return 0
    return queueEmails(trx, { organizationId, userIds: [userId], kind: 'digest', data: {} })
  })
}

/** The worker's once-a-minute look: queues the digests that are due. Returns how many. */
export async function queueDueDigests() {
  if (!canSendMail()) return 0
  const now = clock.now()
  let queued = 0
  for (const organization of await Organization.query().orderBy('id')) {
    for (const userId of await membersWithWaitingReplies(organization, now)) {
      queued += await queueDigest(organization.id, userId, now)
    }
  }
  return queued
}
