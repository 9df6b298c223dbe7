import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import CampaignContact from '#models/campaign_contact'
import Organization from '#models/organization'
import { createMember } from '#tests/helpers/members'
import { createContact } from '#tests/helpers/contacts'
import { createDraft } from '#tests/helpers/campaigns'
import { SENDER } from '#tests/helpers/messaging'
import { summedCounters } from '#services/reports/counter_rows'
import { COUNTER_SHARDS } from '#database/report_counters'

const CONTACTS = 60 // more than the counter shards, so every shard is written
const STATUSES = ['messaged', 'needs_response', 'conversing', 'closed', 'opted_out']
const DELIVERIES = ['sent', 'delivered', 'failed']

/** The campaign's counters recounted the slow way, from its rows. */
async function recount(campaignId: number) {
  const rows = await db.from('campaign_contacts').where('campaign_id', campaignId)
  const texts = await db
    .from('messages')
    .where('campaign_id', campaignId)
    .whereNotNull('sent_at')
    .where('direction', 'outbound')
  const is = (column: string, value: string) => rows.filter((row) => row[column] === value).length
  return {
    targeted: rows.length,
    status_messaged: is('status', 'messaged'),
    status_opted_out: is('status', 'opted_out'),
    delivery_queued: is('delivery', 'queued'),
    delivery_sent: is('delivery', 'sent'),
    delivery_delivered: is('delivery', 'delivered'),
    delivery_failed: is('delivery', 'failed'),
    replied: rows.filter((row) => row.replied_at).length,
    texts_out: texts.length,
    segments_sent: texts.reduce((sum, text) => sum + Number(text.segments), 0),
  }
}

/**
 * Real commits from many connections at once (no test transaction): the
 * counters must equal a recount, and no writer may fail on them.
 */
test.group('Reports | counters under concurrent writers', (group) => {
  let organizationId = 0
  let campaignId = 0
  group.each.teardown(async () => {
    await db.from('report_campaign_counters').where('campaign_id', campaignId).delete()
    await db.from('report_variant_counters').where('campaign_id', campaignId).delete()
    await db.from('report_texter_counters').where('campaign_id', campaignId).delete()
    await db.from('report_activity').where('campaign_id', campaignId).delete()
    await db.from('messages').where('organization_id', organizationId).delete()
    await Organization.query().where('id', organizationId).delete()
  })

  test('counters equal a recount after hundreds of parallel changes', async ({ assert }) => {
    const owner = await createMember('owner')
    organizationId = owner.organizationId
    const campaign = await createDraft(owner, { audience: { listIds: [] } })
    campaignId = campaign.id
    const rows: CampaignContact[] = []
    for (let index = 0; index < CONTACTS; index++) {
      const contact = await createContact(organizationId)
      rows.push(
        await CampaignContact.create({
          organizationId,
          campaignId,
          contactId: contact.id,
          status: 'needs_message',
        })
      )
    }

    // Each contact goes through three transactions, all contacts at once.
    const step = (row: CampaignContact, index: number, round: number) =>
      db.transaction(async (trx) => {
        if (round === 0) {
          await trx
            .from('campaign_contacts')
            .where('id', row.id)
            .update({ status: 'messaged', delivery: 'queued', messaged_by_id: owner.userId })
          await trx.table('messages').insert({
            organization_id: organizationId,
            campaign_id: campaignId,
            campaign_contact_id: row.id,
            direction: 'outbound',
            body: 'Hi',
            from_phone: SENDER,
            to_phone: '+12025550123',
            segments: 1 + (index % 2),
            encoding: 'GSM-7',
            status: 'queued',
            attempts: 0,
            created_at: '2026-11-20 14:00:00',
          })
        } else if (round === 1) {
          await trx
            .from('messages')
            .where('campaign_contact_id', row.id)
            .update({ status: 'sent', sent_at: '2026-11-20 14:01:00' })
          await trx
            .from('campaign_contacts')
            .where('id', row.id)
            .update({ delivery: DELIVERIES[index % 3] })
        } else {
          await trx
            .from('campaign_contacts')
            .where('id', row.id)
            .update({
              status: STATUSES[index % STATUSES.length],
              replied_at: index % 2 ? '2026-11-20 15:00:00' : null,
            })
        }
      })
    for (const round of [0, 1, 2]) {
      await Promise.all(rows.map((row, index) => step(row, index, round)))
    }

    const counters = await summedCounters('report_campaign_counters', ['campaign_id'])
      .where('campaign_id', campaignId)
      .firstOrFail()
    const expected = await recount(campaignId)
    for (const [column, value] of Object.entries(expected)) {
      assert.equal(Number(counters[column]), value, column)
    }
    assert.equal(expected.targeted, CONTACTS)
    assert.equal(expected.delivery_delivered, CONTACTS / 3)
    // The writers spread over the shards instead of queueing on one row.
    const shards = await db.from('report_campaign_counters').where('campaign_id', campaignId)
    assert.equal(shards.length, COUNTER_SHARDS)
  })
})
