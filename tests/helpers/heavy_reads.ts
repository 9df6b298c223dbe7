import db from '@adonisjs/lucid/services/db'
import Organization from '#models/organization'
import User from '#models/user'
import type Membership from '#models/membership'
import { sqlNow } from '#services/db/sql_time'

/**
 * Tests of the read pool commit their data: the pool's reader processes
 * have connections of their own, which never see a test's transaction.
 */

/**
 * A definition that matches nobody and reads every contact's custom fields
 * a hundred times: about 1.5 s over 60,000 seeded contacts on SQLite on a
 * small machine, the kind of count that used to stop the whole server.
 */
export const SLOW_DEFINITION = {
  any: Array.from({ length: 100 }, (_, index) => ({
    field: 'customFields.Note',
    op: 'contains',
    value: `no such note ${index}`,
  })),
}

/**
 * `count` contacts named Ann, each with a note and twenty more custom fields
 * (or as many as asked), committed in bulk.
 */
export async function seedManyContacts(
  organizationId: number,
  count: number,
  { customFields = 20 } = {}
) {
  const now = sqlNow()
  for (let start = 0; start < count; start += 500) {
    const rows = []
    for (let index = start; index < Math.min(count, start + 500); index++) {
      const fields: Record<string, string> = { Note: `note ${index}` }
      for (let field = 0; field < customFields; field++) {
        fields[`Field ${field}`] = `value ${field} of ${index}`
      }
      rows.push({
        organization_id: organizationId,
        phone: `+1202${String(index).padStart(7, '0')}`,
        first_name: 'Ann',
        custom_fields: JSON.stringify(fields),
        unknown_sender: false,
        created_at: now,
      })
    }
    await db.table('contacts').multiInsert(rows)
  }
}

const REPORT_TABLES = [
  'report_campaign_counters',
  'report_variant_counters',
  'report_texter_counters',
  'report_reply_times',
  'report_activity',
  'report_survey_counters',
]

/**
 * Deletes committed test data: the organization (its rows cascade), its
 * campaigns' report counters (kept by triggers, without foreign keys) and
 * its members' users.
 */
export async function removeOrganization(member: Membership) {
  const users = await db
    .from('memberships')
    .where('organization_id', member.organizationId)
    .select('user_id')
  const campaigns = db
    .from('campaigns')
    .where('organization_id', member.organizationId)
    .select('id')
  for (const table of REPORT_TABLES) {
    await db.from(table).whereIn('campaign_id', campaigns).delete()
  }
  await db.from('messages').where('organization_id', member.organizationId).delete()
  await Organization.query().where('id', member.organizationId).delete()
  await User.query()
    .whereIn(
      'id',
      users.map((row) => row.user_id)
    )
    .delete()
}
