import db from '@adonisjs/lucid/services/db'
import type Campaign from '#models/campaign'
import { sqlNow } from '#services/db/sql_time'
import { dialectOf } from '#services/db/sql'
import { createContact } from '#tests/helpers/contacts'

/**
 * Rows MySQL/MariaDB read for `work` on this connection (the test's global
 * transaction holds one); null on SQLite, which keeps no such count.
 */
export async function rowsReadBy(work: () => Promise<unknown>) {
  if (dialectOf(db.connection()) !== 'mysql') {
    await work()
    return null
  }
  const counters = async () => {
    const [rows] = await db.rawQuery("SHOW SESSION STATUS LIKE 'Handler_read_%'")
    return (rows as { Variable_name: string; Value: string }[])
      .filter(({ Variable_name: name }) => name !== 'Handler_read_key')
      .reduce((sum, { Value: value }) => sum + Number(value), 0)
  }
  const before = await counters()
  await work()
  return (await counters()) - before
}

/**
 * `count` more contacts in `campaign`, each already sent its first text, so
 * a statement that reads the campaign's (or the organization's) rows shows
 * in rowsReadBy.
 */
export async function addTextedContacts(campaign: Campaign, count: number) {
  const contacts = await Promise.all(
    Array.from({ length: count }, () => createContact(campaign.organizationId))
  )
  await db.table('campaign_contacts').multiInsert(
    contacts.map((contact) => ({
      organization_id: campaign.organizationId,
      campaign_id: campaign.id,
      contact_id: contact.id,
      status: 'messaged',
      delivery: 'queued',
      created_at: sqlNow(),
      updated_at: sqlNow(),
    }))
  )
  return contacts.length
}
