import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import db from '@adonisjs/lucid/services/db'
import { dialectOf } from '#services/db/sql'
import { forUpdate, forUpdateSkipLocked, locksRows } from '#services/db/row_locks'
import { retryDeadlocks } from '#services/db/deadlocks'
import { sqlNow } from '#services/db/sql_time'
import type { TextingCampaign } from '#services/texting/campaign_context'

/**
 * Texters take their own contacts from a campaign's pool ("Start texting"):
 *
 * - A claim tops the texter up to one batch of unsent contacts (the
 *   campaign's batch size, counting the unsent ones already held), so
 *   pressing it twice, or while contacts are left, never hoards.
 * - `maxContactsPerTexter` caps what a texter holds in the campaign at once:
 *   every contact assigned to them, sent or not (their conversations stay
 *   theirs). Contacts given back ("Done for now", Skip) or reassigned by an
 *   organizer no longer count.
 * - Contacts inside texting hours now are taken first, then any others, and
 *   skipped contacts last (they went to the back of the pool).
 * - Two texters never get the same contact: on SQLite each pass is one
 *   conditional UPDATE (one writer at a time); on MySQL the rows are picked
 *   with FOR UPDATE SKIP LOCKED, so parallel claims take different rows
 *   instead of waiting, and updated only while still unassigned. The
 *   texter's membership row is locked first so their own parallel claims
 *   (a double click) cannot both top up.
 *
 * Answers how many contacts were claimed, or null when the campaign is not active.
 */
export async function claimBatch(
  campaign: TextingCampaign,
  texter: { userId: number; membershipId: number },
  closedZones: string[]
): Promise<number | null> {
  const client = db.connection()
  const mysql = dialectOf(client) === 'mysql'
  // Read committed: no gap locks, so parallel claims rarely deadlock; the retry covers the rest.
  // (Inside an open transaction — a test's — the level is already set.)
  const options =
    mysql && !client.isTransaction ? { isolationLevel: 'read committed' as const } : undefined
  return retryDeadlocks(() =>
    db.transaction((trx) => claimIn(trx, campaign, texter, closedZones), options)
  )
}

async function claimIn(
  trx: TransactionClientContract,
  campaign: TextingCampaign,
  texter: { userId: number; membershipId: number },
  closedZones: string[]
) {
  if (locksRows(trx)) {
    await forUpdate(trx.from('memberships').where('id', texter.membershipId).select('id'))
  }
  const active = await trx
    .from('campaigns')
    .where('id', campaign.id)
    .where('status', 'active')
    .select('id')
    .first()
  if (!active) return null
  const held = await heldContacts(campaign.id, texter.userId, trx)
  let wanted = campaign.batchSize - held.unsent
  if (campaign.maxContactsPerTexter !== null) {
    wanted = Math.min(wanted, campaign.maxContactsPerTexter - held.total)
  }

  let claimed = 0
  const passes: Pass[] = [
    { skipped: false, closedZones },
    { skipped: false, closedZones: [] },
    { skipped: true, closedZones: [] },
  ]
  for (const pass of passes) {
    if (claimed >= wanted) break
    claimed += await take(trx, campaign, texter.userId, pass, wanted - claimed)
  }
  return claimed
}

type Pass = { skipped: boolean; closedZones: string[] }

/** How many contacts the texter holds in the campaign, and how many of those are still unsent. */
export async function heldContacts(
  campaignId: number,
  userId: number,
  client: QueryClientContract = db.connection()
) {
  const rows = await client
    .from('campaign_contacts')
    .where('campaign_id', campaignId)
    .where('assigned_user_id', userId)
    .groupBy('status')
    .select('status')
    .count('* as total')
  let total = 0
  let unsent = 0
  for (const row of rows) {
    total += Number(row.total)
    if (row.status === 'needs_message') unsent += Number(row.total)
  }
  return { total, unsent }
}

/** Unassigned unsent contacts of the campaign matching `pass`, in pool order. */
function poolIds(
  trx: TransactionClientContract,
  campaign: TextingCampaign,
  pass: Pass,
  limit: number
): DatabaseQueryBuilderContract {
  return trx
    .from('campaign_contacts')
    .where('campaign_id', campaign.id)
    .whereNull('assigned_user_id')
    .where('status', 'needs_message')
    .if(pass.skipped, (query) => query.whereNotNull('skipped_at'))
    .if(!pass.skipped, (query) => query.whereNull('skipped_at'))
    .if(pass.closedZones.length, (query) =>
      query.whereNotIn(
        'contact_id',
        trx
          .from('contacts')
          .where('organization_id', campaign.organizationId)
          .whereIn('timezone', pass.closedZones)
          .select('id')
      )
    )
    .orderBy('id')
    .limit(limit)
    .select('id')
}

async function take(
  trx: TransactionClientContract,
  campaign: TextingCampaign,
  userId: number,
  pass: Pass,
  limit: number
): Promise<number> {
  const pool = poolIds(trx, campaign, pass, limit)
  if (!locksRows(trx)) return assign(trx, userId, (query) => query.whereIn('id', pool))
  // MySQL refuses LIMIT inside IN (…); the locked ids are read first.
  const rows = await forUpdateSkipLocked(pool)
  if (!rows.length) return 0
  const ids = rows.map((row) => Number(row.id))
  return assign(trx, userId, (query) => query.whereIn('id', ids))
}

/** Gives the chosen rows to the texter, only those still unassigned and unsent. */
async function assign(
  trx: TransactionClientContract,
  userId: number,
  choose: (query: DatabaseQueryBuilderContract) => DatabaseQueryBuilderContract
) {
  const now = sqlNow()
  const query = choose(trx.from('campaign_contacts'))
  return affected(
    await query
      .whereNull('assigned_user_id')
      .where('status', 'needs_message')
      .update({ assigned_user_id: userId, assigned_at: now, updated_at: now })
  )
}

/** Knex answers an UPDATE's affected-row count as a number, or `[count]` on some drivers. */
export function affected(result: unknown) {
  return Number(Array.isArray(result) ? result[0] : result)
}

/** "Done for now": the texter's unsent contacts go back to the pool. Answers how many. */
export async function releaseUnsent(campaignId: number, userId: number) {
  const now = sqlNow()
  return affected(
    await db
      .from('campaign_contacts')
      .where('campaign_id', campaignId)
      .where('assigned_user_id', userId)
      .where('status', 'needs_message')
      .update({ assigned_user_id: null, assigned_at: null, updated_at: now })
  )
}

/**
 * Skip: the contact goes to the back of the pool (marked skipped), so this
 * texter is not offered it again until everyone else's unskipped contacts
 * are taken; another texter may send it. Skipping twice changes nothing.
 */
export async function skipContact(campaignId: number, userId: number, campaignContactId: number) {
  const now = sqlNow()
  return affected(
    await db
      .from('campaign_contacts')
      .where('id', campaignContactId)
      .where('campaign_id', campaignId)
      .where('assigned_user_id', userId)
      .where('status', 'needs_message')
      .update({ assigned_user_id: null, assigned_at: null, skipped_at: now, updated_at: now })
  )
}

/** An unsent contact whose phone opted out is done with (the opt-out itself is recorded elsewhere). */
export async function markUnsentOptedOut(
  campaignContactId: number,
  client: QueryClientContract = db.connection()
) {
  await client
    .from('campaign_contacts')
    .where('id', campaignContactId)
    .where('status', 'needs_message')
    .update({ status: 'opted_out', updated_at: sqlNow() })
}
