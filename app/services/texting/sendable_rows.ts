import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import TextingRefusedException from '#exceptions/texting_refused_exception'

/** A campaign contact with what texting it needs from its contact: phone, names, zone, fields. */
export type SendableRow = {
  id: number
  contact_id: number
  variant_id: number | null
  status: string
  assigned_user_id: number | null
  messaged_by_id: number | null
  initial_send_key: string | null
  phone: string
  first_name: string | null
  last_name: string | null
  zip: string | null
  state: string | null
  timezone: string | null
  timezone_candidates: string | null
  custom_fields: string | Record<string, string> | null
  erased_at: unknown
}

const SENDABLE_COLUMNS = [
  'cc.id',
  'cc.contact_id',
  'cc.variant_id',
  'cc.status',
  'cc.assigned_user_id',
  'cc.messaged_by_id',
  'cc.initial_send_key',
  'c.phone',
  'c.first_name',
  'c.last_name',
  'c.zip',
  'c.state',
  'c.timezone',
  'c.timezone_candidates',
  'c.custom_fields',
  'c.erased_at',
]

/** A campaign contact joined to its contact; `cc` and `c` are the aliases. */
export function contactRows(client: QueryClientContract = db.connection()) {
  return client
    .from('campaign_contacts as cc')
    .join('contacts as c', 'c.id', 'cc.contact_id')
    .select(SENDABLE_COLUMNS)
}

/** One contact of the campaign, as the send screen asked for it by id. */
export async function findSendableRow(
  campaignId: number,
  campaignContactId: number
): Promise<SendableRow> {
  const row = await contactRows()
    .where('cc.id', campaignContactId)
    .where('cc.campaign_id', campaignId)
    .first()
  // The campaign was found; an id in the body that is not among its contacts is bad input.
  if (!row) throw new TextingRefusedException('texting.refused.noSuchContact', 'unknown_contact')
  return row
}
