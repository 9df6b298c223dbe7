import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import CampaignContact from '#models/campaign_contact'
import Message from '#models/message'
import Organization from '#models/organization'
import User from '#models/user'
import Segment from '#models/segment'
import ScriptVariant from '#models/script_variant'
import LaunchCampaign from '#actions/campaigns/launch_campaign'
import { createMember } from '#tests/helpers/members'
import { createContact, createList, optOut } from '#tests/helpers/contacts'
import { createFakeAccount, SENDER } from '#tests/helpers/messaging'
import { createDraft } from '#tests/helpers/campaigns'
import { countAudience } from '#services/campaigns/audience'
import { pickVariant } from '#services/campaigns/variants'

async function snapshotOf(campaignId: number) {
  const rows = await CampaignContact.query().where('campaign_id', campaignId).orderBy('contact_id')
  return rows.map((row) => row.contactId)
}

test.group('Campaigns | launch snapshot', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('lists ∪ segment, once each, minus opt-outs, erased, invalid, excluded lists and other orgs', async ({
    assert,
  }) => {
    const owner = await createMember('owner')
    const org = owner.organizationId
    const canvass = await createList(org, 'Canvass')
    const phonebank = await createList(org, 'Phonebank')
    const doNotText = await createList(org, 'Do not text')
    const segment = await Segment.create({
      organizationId: org,
      name: 'Michigan',
      definition: { all: [{ field: 'state', op: 'eq', value: 'MI' }] },
    })

    const inBothLists = await createContact(org, { lists: [canvass, phonebank] })
    const inListAndSegment = await createContact(org, { state: 'MI', lists: [canvass] })
    const segmentOnly = await createContact(org, { state: 'MI' })
    const optedOut = await createContact(org, { lists: [canvass] })
    await optOut(org, optedOut.phone)
    await createContact(org, { lists: [canvass], erasedAt: DateTime.now() })
    await createContact(org, { state: 'MI', undeliverableReason: 'landline' })
    await createContact(org, { lists: [canvass, doNotText] })
    await createContact(org, { state: 'OH' })
    // Another organization: same state, same phone as an included contact.
    const other = await createMember('owner')
    await createContact(other.organizationId, { state: 'MI', phone: segmentOnly.phone })
    await createContact(other.organizationId, { state: 'MI' })

    const campaign = await createDraft(owner, {
      audience: {
        listIds: [canvass.id, phonebank.id],
        segmentId: segment.id,
        excludeListIds: [doNotText.id],
      },
    })
    assert.equal(await countAudience(org, campaign.audience), 3)

    const { targeted } = await LaunchCampaign.handle({ actor: owner, campaign })
    assert.equal(targeted, 3)
    assert.deepEqual(
      await snapshotOf(campaign.id),
      [inBothLists.id, inListAndSegment.id, segmentOnly.id].sort((a, b) => a - b)
    )
    const rows = await CampaignContact.query().where('campaign_id', campaign.id)
    for (const row of rows) {
      assert.equal(row.organizationId, org)
      assert.equal(row.status, 'needs_message')
      assert.isNotNull(row.variantId)
      assert.isNull(row.assignedUserId)
    }
  })

  test('optionally leaves out people another active campaign texted lately', async ({ assert }) => {
    const owner = await createMember('owner')
    const org = owner.organizationId
    const list = await createList(org, 'Everyone')
    const textedLately = await createContact(org, { lists: [list] })
    const textedLongAgo = await createContact(org, { lists: [list] })
    const neverTexted = await createContact(org, { lists: [list] })
    const account = await createFakeAccount(org)

    const earlier = await createDraft(owner, {
      providerAccountId: account.id,
      audience: { listIds: [list.id] },
    })
    await LaunchCampaign.handle({ actor: owner, campaign: earlier })
    const textFrom = async (contactId: number, daysAgo: number) => {
      const message = await Message.create({
        organizationId: org,
        providerAccountId: account.id,
        contactId,
        campaignId: earlier.id,
        direction: 'outbound',
        body: 'Hello',
        from: SENDER,
        to: '+12025550123',
        segments: 1,
        encoding: 'GSM-7',
        status: 'sent',
        attempts: 1,
      })
      message.createdAt = DateTime.now().minus({ days: daysAgo })
      await message.save()
    }
    await textFrom(textedLately.id, 2)
    await textFrom(textedLongAgo.id, 30)

    const later = await createDraft(owner, {
      providerAccountId: account.id,
      audience: { listIds: [list.id], excludeRecentDays: 7 },
    })
    await LaunchCampaign.handle({ actor: owner, campaign: later })
    assert.deepEqual(await snapshotOf(later.id), [textedLongAgo.id, neverTexted.id])
  })

  test('variants follow their weights and the same contact always gets the same one', async ({
    assert,
  }) => {
    const variants = [
      { id: 1, weight: 3 },
      { id: 2, weight: 1 },
    ]
    const counts = new Map<number, number>()
    for (let contactId = 1; contactId <= 8000; contactId++) {
      const { id } = pickVariant(42, contactId, variants)
      counts.set(id, (counts.get(id) ?? 0) + 1)
      assert.equal(pickVariant(42, contactId, variants).id, id)
    }
    // 6000 / 2000 expected; a binomial's standard deviation here is about 39.
    assert.closeTo(counts.get(1)!, 6000, 200)
    assert.closeTo(counts.get(2)!, 2000, 200)
    assert.equal(pickVariant(42, 7, [{ id: 9, weight: 1 }]).id, 9)

    const owner = await createMember('owner')
    const list = await createList(owner.organizationId, 'Many')
    for (let index = 0; index < 60; index++) {
      await createContact(owner.organizationId, { lists: [list] })
    }
    const campaign = await createDraft(owner, {
      audience: { listIds: [list.id] },
      script: {
        initial: [
          { body: 'A: Reply STOP to opt out', weight: 1 },
          { body: 'B: Reply STOP to opt out', weight: 1 },
        ],
      },
    })
    await LaunchCampaign.handle({ actor: owner, campaign })
    const stored = await ScriptVariant.query().where('campaign_id', campaign.id).orderBy('position')
    const rows = await CampaignContact.query().where('campaign_id', campaign.id)
    for (const row of rows) {
      assert.equal(row.variantId, pickVariant(campaign.id, row.contactId, stored).id)
    }
    assert.sameMembers(
      [...new Set(rows.map((row) => row.variantId))],
      stored.map((v) => v.id)
    )
  })

  test('launching twice, one after the other or at once, never duplicates', async ({ assert }) => {
    const owner = await createMember('owner')
    const list = await createList(owner.organizationId, 'Canvass')
    for (let index = 0; index < 5; index++) {
      await createContact(owner.organizationId, { lists: [list] })
    }
    const campaign = await createDraft(owner, { audience: { listIds: [list.id] } })

    const first = await LaunchCampaign.handle({ actor: owner, campaign })
    const again = await LaunchCampaign.handle({ actor: owner, campaign })
    assert.equal(first.targeted, 5)
    assert.equal(again.targeted, 5)
    assert.lengthOf(await snapshotOf(campaign.id), 5)

    const other = await createDraft(owner, { audience: { listIds: [list.id] } })
    const results = await Promise.all(
      [1, 2, 3].map(() => LaunchCampaign.handle({ actor: owner, campaign: other }))
    )
    assert.deepEqual(
      results.map((result) => [result.campaign.status, result.targeted]),
      [
        ['active', 5],
        ['active', 5],
        ['active', 5],
      ]
    )
    assert.lengthOf(await snapshotOf(other.id), 5)
  })
})

test.group('Campaigns | launch under real concurrency', () => {
  test('parallel launches in their own transactions snapshot once', async ({ assert, cleanup }) => {
    // No global transaction here: each launch must take its own connection and lock.
    const owner = await createMember('owner')
    cleanup(async () => {
      await Organization.query().where('id', owner.organizationId).delete()
      await User.query().where('id', owner.userId).delete()
    })
    const list = await createList(owner.organizationId, 'Canvass')
    for (let index = 0; index < 20; index++) {
      await createContact(owner.organizationId, { lists: [list] })
    }
    const campaign = await createDraft(owner, { audience: { listIds: [list.id] } })

    const results = await Promise.allSettled(
      [1, 2, 3, 4].map(() => LaunchCampaign.handle({ actor: owner, campaign }))
    )
    const targeted = results.map((result) =>
      result.status === 'fulfilled' ? result.value.targeted : String(result.reason)
    )
    assert.deepEqual(targeted, [20, 20, 20, 20])
    assert.lengthOf(await snapshotOf(campaign.id), 20)
  })
})

test.group('Campaigns | merge fields at launch', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a field blocks only when no contact of the audience has it', async ({ assert }) => {
    const owner = await createMember('owner')
    const org = owner.organizationId
    const list = await createList(org, 'Canvass')
    await createContact(org, { lists: [list], customFields: { Precinct: '12' } })
    await createContact(org, { lists: [list] })
    // Someone outside the audience having a field does not count.
    await createContact(org, { firstName: 'Outside' })
    const launch = async (body: string) => {
      const campaign = await createDraft(owner, {
        audience: { listIds: [list.id] },
        script: { initial: [{ body }] },
      })
      try {
        await LaunchCampaign.handle({ actor: owner, campaign })
        return []
      } catch (error) {
        return (error as { messages: { rule: string; message: string }[] }).messages.map(
          (problem) => problem.message
        )
      }
    }

    assert.deepEqual(await launch('Precinct {Precinct}, {precinct}. Reply STOP'), [])
    assert.deepEqual(await launch('Hi {firstName} {a"b}'), [
      'No contact in the audience has {firstName}: fix the field name or the audience',
      'No contact in the audience has {a"b}: fix the field name or the audience',
    ])
  })
})
