import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type Organization from '#models/organization'
import CampaignContact from '#models/campaign_contact'
import ChangeCampaignStatus from '#actions/campaigns/change_campaign_status'
import { createMember } from '#tests/helpers/members'
import { createContact } from '#tests/helpers/contacts'
import { asMember } from '#tests/helpers/web'
import { inertiaPage } from '#tests/helpers/inertia'
import { createDraft } from '#tests/helpers/campaigns'
import ClaimBatch from '#actions/texting/claim_batch'
import { textingCampaign } from '#services/texting/campaign_context'
import { sendingContext } from '#services/texting/sending_context'
import { asleep, awake, campaignContacts, launchedCampaign, texting } from '#tests/helpers/texting'
import { urlFor } from '@adonisjs/core/services/url_builder'

test.group('Texting | claiming a batch', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a texter claims up to the batch size; claiming again while holding it takes none', async ({
    client,
    assert,
  }) => {
    const owner = await createMember('owner')
    const texter = await createMember('texter', { organization: owner.organization })
    const { campaign } = await launchedCampaign(owner, { contacts: 5, batchSize: 3 })

    const first = await texting(client, texter, 'post', campaign, 'texting.claim')
    first.assertStatus(200)
    assert.deepEqual(first.body(), { claimed: 3, progress: { sent: 0, remaining: 3 } })
    const rows = await campaignContacts(campaign)
    const mine = rows.filter((row) => row.assignedUserId === texter.userId)
    assert.lengthOf(mine, 3)
    assert.isTrue(mine.every((row) => row.assignedAt !== null))

    const again = await texting(client, texter, 'post', campaign, 'texting.claim')
    assert.deepEqual(again.body(), { claimed: 0, progress: { sent: 0, remaining: 3 } })
  })

  test('the per-texter maximum counts every contact held, sent or not', async ({
    client,
    assert,
  }) => {
    const owner = await createMember('owner')
    const texter = await createMember('texter', { organization: owner.organization })
    const { campaign } = await launchedCampaign(owner, {
      contacts: 6,
      batchSize: 3,
      maxContactsPerTexter: 4,
    })
    await texting(client, texter, 'post', campaign, 'texting.claim').then((r) =>
      r.assertStatus(200)
    )
    // The three are sent: a new batch would be three more, the maximum allows one.
    await CampaignContact.query()
      .where('campaign_id', campaign.id)
      .where('assigned_user_id', texter.userId)
      .update({ status: 'messaged' })

    const more = await texting(client, texter, 'post', campaign, 'texting.claim')
    assert.deepEqual(more.body(), { claimed: 1, progress: { sent: 3, remaining: 1 } })
  })

  test('contacts inside texting hours are claimed first', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const texter = await createMember('texter', { organization: owner.organization })
    const { campaign, contacts } = await launchedCampaign(owner, {
      contacts: 2,
      timezone: asleep(),
      batchSize: 2,
    })
    // Two more, awake, join the snapshot after the sleeping ones.
    for (const index of [1, 2]) {
      const contact = await createContact(owner.organizationId, {
        firstName: `Awake${index}`,
        timezone: awake(),
      })
      await CampaignContact.create({
        organizationId: owner.organizationId,
        campaignId: campaign.id,
        contactId: contact.id,
        status: 'needs_message',
      })
    }

    await texting(client, texter, 'post', campaign, 'texting.claim').then((r) =>
      r.assertStatus(200)
    )
    const mine = await CampaignContact.query()
      .where('campaign_id', campaign.id)
      .where('assigned_user_id', texter.userId)
    assert.lengthOf(mine, 2)
    const sleeping = new Set(contacts.map((contact) => contact.id))
    assert.isTrue(mine.every((row) => !sleeping.has(row.contactId)))
  })

  test('"Done for now" gives unsent contacts back and keeps conversations', async ({
    client,
    assert,
  }) => {
    const owner = await createMember('owner')
    const texter = await createMember('texter', { organization: owner.organization })
    const { campaign } = await launchedCampaign(owner, { contacts: 3 })
    await texting(client, texter, 'post', campaign, 'texting.claim').then((r) =>
      r.assertStatus(200)
    )
    const [sent] = await campaignContacts(campaign)
    sent.status = 'messaged'
    await sent.save()

    const released = await texting(client, texter, 'post', campaign, 'texting.release')
    released.assertStatus(200)
    assert.deepEqual(released.body(), { released: 2, progress: { sent: 1, remaining: 0 } })
    const rows = await campaignContacts(campaign)
    assert.deepEqual(
      rows.map((row) => [row.status, row.assignedUserId]),
      [
        ['messaged', texter.userId],
        ['needs_message', null],
        ['needs_message', null],
      ]
    )

    // From the page: back to the campaigns list.
    const page = await asMember(client.post(urlFor('texting.release', { id: campaign.id })), texter)
    page.assertStatus(302)
    page.assertHeader('location', '/texting')
  })

  test('the notice of "Done for now" waits for the page: a background request of the send screen does not use it up', async ({
    client,
    assert,
  }) => {
    const owner = await createMember('owner')
    const texter = await createMember('texter', { organization: owner.organization })
    const { campaign } = await launchedCampaign(owner, { contacts: 2 })
    const notice = { success: 'Done for now: 1 unsent contact went back to the campaign.' }

    const background = await texting(client, texter, 'get', campaign, 'texting.next')
      .withFlashMessages(notice)
      .send()
    background.assertStatus(200)
    assert.deepEqual(background.flashMessages(), notice)

    const page = await asMember(client.get(urlFor('texting.index')), texter)
      .header('accept', 'text/html')
      .withFlashMessages(notice)
    page.assertStatus(200)
    assert.deepEqual(page.flashMessages(), {})
  })

  test('a paused campaign cannot be claimed from; a draft or another organization’s is not found', async ({
    client,
    assert,
  }) => {
    const owner = await createMember('owner')
    const texter = await createMember('texter', { organization: owner.organization })
    const { campaign } = await launchedCampaign(owner, { contacts: 2 })
    await ChangeCampaignStatus.handle({ actor: owner, campaign, change: 'pause' })

    const paused = await texting(client, texter, 'post', campaign, 'texting.claim')
    paused.assertStatus(422)
    assert.equal(paused.body().errors[0].rule, 'campaign_not_active')

    const stranger = await createMember('owner')
    const foreign = await texting(client, stranger, 'post', campaign, 'texting.claim')
    foreign.assertStatus(404)
    const draft = await createDraft(owner, { audience: { listIds: [] } })
    const unlaunched = await texting(client, texter, 'post', draft, 'texting.claim')
    unlaunched.assertStatus(404)
    const rows = await campaignContacts(campaign)
    assert.isTrue(rows.every((row) => row.assignedUserId === null))
  })

  test('a suspended member claims nothing', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const suspended = await createMember('texter', {
      organization: owner.organization,
      status: 'suspended',
    })
    const { campaign } = await launchedCampaign(owner, { contacts: 2 })

    const response = await texting(client, suspended, 'post', campaign, 'texting.claim')
    assert.notEqual(response.status(), 200)
    const rows = await campaignContacts(campaign)
    assert.isTrue(rows.every((row) => row.assignedUserId === null))
  })

  test('the campaigns list shows what the texter holds and what is left', async ({
    client,
    assert,
  }) => {
    const owner = await createMember('owner')
    const texter = await createMember('texter', { organization: owner.organization })
    const { campaign } = await launchedCampaign(owner, { contacts: 4, batchSize: 2 })
    await texting(client, texter, 'post', campaign, 'texting.claim').then((r) =>
      r.assertStatus(200)
    )

    const page = await asMember(client.get(urlFor('texting.index')), texter)
    page.assertStatus(200)
    assert.deepEqual(inertiaPage(page).props.campaigns, [
      {
        id: campaign.id,
        name: campaign.name,
        unsent: 2,
        followUpsDue: 0,
        needsReply: 0,
        available: 2,
      },
    ])
  })
})

test.group('Texting | parallel claims', (group) => {
  let organization: Organization | undefined
  group.each.teardown(async () => {
    await organization?.delete()
  })

  test('texters claiming at the same time never get the same contact', async ({ assert }) => {
    const owner = await createMember('owner')
    organization = owner.organization
    const texters = await Promise.all(
      Array.from({ length: 6 }, () => createMember('texter', { organization: owner.organization }))
    )
    const { campaign } = await launchedCampaign(owner, { contacts: 30, batchSize: 8 })
    const context = await sendingContext(
      (await textingCampaign(owner.organizationId, campaign.id))!,
      owner.organization
    )

    const results = await Promise.all(
      texters.map((texter) =>
        ClaimBatch.handle({ context, texter: { userId: texter.userId, membershipId: texter.id } })
      )
    )

    // A contact given to two texters would be counted by both claims but held by one.
    const rows = await campaignContacts(campaign)
    texters.forEach((texter, index) => {
      const held = rows.filter((row) => row.assignedUserId === texter.userId).length
      assert.equal(held, results[index].claimed)
      assert.isAtMost(held, 8)
    })
    const claimed = results.reduce((sum, result) => sum + result.claimed, 0)
    assert.equal(claimed, rows.filter((row) => row.assignedUserId !== null).length)
    assert.isAbove(claimed, 8)
  })
})
