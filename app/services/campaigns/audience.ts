import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Contact from '#models/contact'
import Segment from '#models/segment'
import type { CampaignAudience } from '#models/campaign'
import { compileSegment } from '#services/segments/compiler'
import { dialectOf } from '#services/db/sql'
import { sqlTime } from '#services/db/sql_time'
import { readCount } from '#services/db/read_pool'
import { clock } from '#services/clock'

/** An audience as sent (every part optional), with the defaults filled in. */
export function audienceOf(input: {
  listIds?: number[]
  segmentId?: number | null
  excludeListIds?: number[]
  excludeRecentDays?: number | null
}): CampaignAudience {
  return {
    listIds: input.listIds ?? [],
    segmentId: input.segmentId ?? null,
    excludeListIds: input.excludeListIds ?? [],
    excludeRecentDays: input.excludeRecentDays ?? null,
  }
}

type Options = {
  trx?: TransactionClientContract
  /** The campaign being launched: its own texts never count as "recently texted". */
  campaignId?: number
}

/**
 * The contacts a campaign would text: members of its lists ∪ matches of its
 * segment, minus members of its excluded lists, opted-out phones, erased
 * contacts, numbers a provider refused (landline, invalid) or not stored as
 * E.164, and — when asked — people another active campaign texted in the
 * last N days. The builder's live count and the launch snapshot both read it,
 * so the count shown is the count launched.
 *
 * Lists, opt-outs and recent texts are uncorrelated `IN (subquery)`
 * conditions, like the segment compiler's, evaluated once per query.
 */
export async function audienceContacts(
  organizationId: number,
  audience: CampaignAudience,
  { trx, campaignId }: Options = {}
) {
  const query = Contact.forOrganization(organizationId)
    .whereNull('contacts.erased_at')
    .whereNull('contacts.undeliverable_reason')
    .where('contacts.phone', 'like', '+%')
  if (trx) query.useTransaction(trx)
  const client = trx ?? db.connection()

  const segment = audience.segmentId
    ? await Segment.findForOrganization(organizationId, audience.segmentId, { client: trx })
    : null
  const listIds = audience.listIds
  // Wrapped: a query builder is thenable, and an async function would run it.
  if (!listIds.length && !segment) return { contacts: query.whereRaw('1 = 0') }

  query.where((scope) => {
    if (listIds.length) scope.orWhereIn('contacts.id', membersOf(client, listIds))
    if (segment) {
      const condition = compileSegment(segment.definition, {
        dialect: dialectOf(client),
        organizationId,
      })
      scope.orWhereRaw(`(${condition.sql})`, condition.bindings as never[])
    }
  })
  if (audience.excludeListIds.length) {
    query.whereNotIn('contacts.id', membersOf(client, audience.excludeListIds))
  }
  query.whereNotIn(
    'contacts.phone',
    client.from('opt_outs').where('organization_id', organizationId).select('phone')
  )
  if (audience.excludeRecentDays) {
    const since = sqlTime(clock.dateTime().minus({ days: audience.excludeRecentDays }))
    const recent = client
      .from('messages')
      .join('campaigns', 'campaigns.id', 'messages.campaign_id')
      .where('messages.organization_id', organizationId)
      .where('messages.direction', 'outbound')
      .where('campaigns.status', 'active')
      .where('messages.created_at', '>=', since)
      .whereNotNull('messages.contact_id')
      .select('messages.contact_id')
    if (campaignId) recent.whereNot('messages.campaign_id', campaignId)
    query.whereNotIn('contacts.id', recent)
  }
  return { contacts: query }
}

function membersOf(
  client: TransactionClientContract | ReturnType<typeof db.connection>,
  ids: number[]
) {
  return client.from('contact_list_members').whereIn('contact_list_id', ids).select('contact_id')
}

/** How many contacts the audience holds right now (through the read pool). */
export async function countAudience(
  organizationId: number,
  audience: CampaignAudience,
  options: Options = {}
) {
  const { contacts } = await audienceContacts(organizationId, audience, options)
  return readCount(contacts)
}
