import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type Organization from '#models/organization'
import type Campaign from '#models/campaign'
import type Membership from '#models/membership'
import CampaignContact from '#models/campaign_contact'
import Message from '#models/message'
import OptOut from '#models/opt_out'
import Contact from '#models/contact'
import TextingHourRule from '#models/texting_hour_rule'
import EraseContact from '#actions/contacts/erase_contact'
import { createMember } from '#tests/helpers/members'
import { optOut } from '#tests/helpers/contacts'
import { asleep, campaignContacts, launchedCampaign, texting } from '#tests/helpers/texting'
import type { ApiClient } from '@japa/api-client'

/** A texter of a new organization holding a claimed batch of `contacts` awake contacts. */
async function texterWithBatch(
  client: ApiClient,
  options: Parameters<typeof launchedCampaign>[1] = {}
) {
  const owner = await createMember('owner')
  const texter = await createMember('texter', { organization: owner.organization })
  texter.user.fullName = 'Rosa Parks'
  await texter.user.save()
  const { campaign, contacts } = await launchedCampaign(owner, options)
  await texting(client, texter, 'post', campaign, 'texting.claim').then((r) => r.assertStatus(200))
  const rows = await campaignContacts(campaign)
  return { owner, texter, campaign, contacts, rows }
}

function send(
  client: ApiClient,
  texter: Membership,
  campaign: Campaign,
  campaignContactId: number,
  idempotencyKey: string,
  body?: string
) {
  return texting(client, texter, 'post', campaign, 'texting.send', {
    campaignContactId,
    idempotencyKey,
    ...(body === undefined ? {} : { body }),
  })
}

const messagesOf = (campaign: Campaign) =>
  Message.query().where('campaign_id', campaign.id).orderBy('id')

test.group('Texting | the send screen', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('next cards are the texter’s sendable contacts with the message rendered for each', async ({
    client,
    assert,
  }) => {
    const { texter, campaign, rows } = await texterWithBatch(client, { contacts: 3 })

    const response = await texting(client, texter, 'get', campaign, 'texting.next').qs({ count: 2 })
    response.assertStatus(200)
    const { contacts, progress, resumeAt } = response.body()
    assert.deepEqual(progress, { sent: 0, remaining: 3 })
    assert.isNull(resumeAt)
    assert.deepEqual(
      contacts.map((card: { campaignContactId: number }) => card.campaignContactId),
      [rows[0].id, rows[1].id]
    )
    assert.containSubset(contacts[0], {
      firstName: 'Person1',
      lastName: 'Voter',
      body: 'Hi Person1, Rosa here. Reply STOP to opt out',
    })
    assert.match(contacts[0].localTime, /^12:\d\d$/)
  })

  test('Send queues one first text and answers the next card', async ({ client, assert }) => {
    const { texter, campaign, rows, contacts } = await texterWithBatch(client, { contacts: 2 })

    const response = await send(client, texter, campaign, rows[0].id, 'press-1')
    response.assertStatus(200)
    const [message] = await messagesOf(campaign)
    assert.deepEqual(response.body().message, { id: message.id, status: 'queued' })
    assert.equal(response.body().next.campaignContactId, rows[1].id)
    assert.deepEqual(response.body().progress, { sent: 1, remaining: 1 })
    assert.containSubset(message.serialize(), {
      to: contacts[0].phone,
      body: 'Hi Person1, Rosa here. Reply STOP to opt out',
      purpose: 'campaign_initial',
      idempotencyKey: `initial:${rows[0].id}`,
      sentById: texter.userId,
      campaignContactId: rows[0].id,
      contactId: contacts[0].id,
    })
    await rows[0].refresh()
    assert.equal(rows[0].status, 'messaged')
    assert.equal(rows[0].delivery, 'queued')
    assert.equal(rows[0].messagedById, texter.userId)
    assert.isNotNull(rows[0].messagedAt)
    assert.isNotNull(rows[0].lastOutboundAt)
  })

  test('the same press repeated answers the same text; another press is refused', async ({
    client,
    assert,
  }) => {
    const { texter, campaign, rows } = await texterWithBatch(client, { contacts: 2 })

    const first = await send(client, texter, campaign, rows[0].id, 'press-1')
    const again = await send(client, texter, campaign, rows[0].id, 'press-1')
    again.assertStatus(200)
    assert.deepEqual(again.body().message, first.body().message)

    const other = await send(client, texter, campaign, rows[0].id, 'press-2')
    other.assertStatus(409)
    assert.equal(other.body().errors[0].rule, 'already_texted')
    assert.lengthOf(await messagesOf(campaign), 1)
  })

  test('an opted-out phone is refused and not offered again', async ({ client, assert }) => {
    const { owner, texter, campaign, rows, contacts } = await texterWithBatch(client, {
      contacts: 2,
    })
    await optOut(owner.organizationId, contacts[0].phone)

    const refused = await send(client, texter, campaign, rows[0].id, 'press-1')
    refused.assertStatus(422)
    assert.equal(refused.body().errors[0].rule, 'opted_out')
    assert.lengthOf(await messagesOf(campaign), 0)
    await rows[0].refresh()
    assert.equal(rows[0].status, 'opted_out')

    const next = await texting(client, texter, 'get', campaign, 'texting.next').qs({ count: 5 })
    assert.deepEqual(
      next.body().contacts.map((card: { campaignContactId: number }) => card.campaignContactId),
      [rows[1].id]
    )
  })

  test('a contact whose data was erased is neither offered nor texted', async ({
    client,
    assert,
  }) => {
    const { owner, texter, campaign, rows, contacts } = await texterWithBatch(client, {
      contacts: 2,
    })
    await EraseContact.handle({ actor: owner, contact: contacts[0], optOut: false })

    const next = await texting(client, texter, 'get', campaign, 'texting.next').qs({ count: 5 })
    assert.deepEqual(
      next.body().contacts.map((card: { campaignContactId: number }) => card.campaignContactId),
      [rows[1].id]
    )
    const refused = await send(client, texter, campaign, rows[0].id, 'press-1')
    refused.assertStatus(422)
    assert.equal(refused.body().errors[0].rule, 'contact_erased')
    assert.lengthOf(await messagesOf(campaign), 0)
  })

  test('outside texting hours the server refuses and says when texting resumes', async ({
    client,
    assert,
  }) => {
    const { texter, campaign, rows } = await texterWithBatch(client, {
      contacts: 1,
      timezone: asleep(),
    })

    const next = await texting(client, texter, 'get', campaign, 'texting.next').qs({ count: 3 })
    assert.deepEqual(next.body().contacts, [])
    const resumeAt = new Date(next.body().resumeAt)
    assert.isAbove(resumeAt.getTime(), Date.now())

    const refused = await send(client, texter, campaign, rows[0].id, 'press-1')
    refused.assertStatus(422)
    assert.equal(refused.body().errors[0].rule, 'outside_texting_hours')
    assert.equal(refused.body().resumeAt, resumeAt.toISOString())
    assert.include(refused.body().errors[0].message, 'You can text them from')
    assert.lengthOf(await messagesOf(campaign), 0)
  })

  test('contacts whose state’s hours are closed are passed over, however many come first', async ({
    client,
    assert,
  }) => {
    const { owner, texter, campaign, rows, contacts } = await texterWithBatch(client, {
      contacts: 8,
    })
    // Texas texts only from 13:00 here; these contacts are at noon.
    await TextingHourRule.create({
      organizationId: owner.organizationId,
      state: 'TX',
      start: '13:00',
      end: '14:00',
      enabled: true,
    })
    await Contact.query()
      .whereIn(
        'id',
        contacts.slice(0, 7).map((contact) => contact.id)
      )
      .update({ state: 'TX' })

    const next = await texting(client, texter, 'get', campaign, 'texting.next').qs({ count: 2 })
    assert.deepEqual(
      next.body().contacts.map((card: { campaignContactId: number }) => card.campaignContactId),
      [rows[7].id]
    )
  })

  test('the message is sent as written unless the campaign lets texters edit it', async ({
    client,
    assert,
  }) => {
    const fixed = await texterWithBatch(client, { contacts: 1 })
    const refused = await send(
      client,
      fixed.texter,
      fixed.campaign,
      fixed.rows[0].id,
      'press-1',
      'Something else entirely'
    )
    refused.assertStatus(422)
    assert.equal(refused.body().errors[0].rule, 'edit_not_allowed')
    assert.lengthOf(await messagesOf(fixed.campaign), 0)

    const editable = await texterWithBatch(client, { contacts: 1, allowInitialEdit: true })
    const sent = await send(
      client,
      editable.texter,
      editable.campaign,
      editable.rows[0].id,
      'press-1',
      '  Hi friend, Rosa here. Reply STOP to opt out  '
    )
    sent.assertStatus(200)
    const [message] = await messagesOf(editable.campaign)
    assert.equal(message.body, 'Hi friend, Rosa here. Reply STOP to opt out')
  })

  test('only the texter holding a contact can send it; bad input gets a clear error', async ({
    client,
    assert,
  }) => {
    const { owner, texter, campaign, rows } = await texterWithBatch(client, { contacts: 1 })
    const colleague = await createMember('texter', { organization: owner.organization })

    const notMine = await send(client, colleague, campaign, rows[0].id, 'press-1')
    notMine.assertStatus(409)
    assert.equal(notMine.body().errors[0].rule, 'not_assigned')

    const invalid = await texting(client, texter, 'post', campaign, 'texting.send', {
      campaignContactId: 'x',
    })
    invalid.assertStatus(422)
    assert.sameMembers(
      invalid.body().errors.map((error: { field: string }) => error.field),
      ['campaignContactId', 'idempotencyKey']
    )

    const unknown = await send(client, texter, campaign, rows[0].id + 1000, 'press-1')
    unknown.assertStatus(422)
    assert.equal(unknown.body().errors[0].rule, 'unknown_contact')

    const stranger = await createMember('owner')
    const foreign = await send(client, stranger, campaign, rows[0].id, 'press-1')
    foreign.assertStatus(404)
    assert.lengthOf(await messagesOf(campaign), 0)
  })

  test('Skip puts the contact back at the end of the pool and answers the next card', async ({
    client,
    assert,
  }) => {
    const { texter, campaign, rows } = await texterWithBatch(client, { contacts: 2 })

    const skipped = await texting(client, texter, 'post', campaign, 'texting.skip', {
      campaignContactId: rows[0].id,
    })
    skipped.assertStatus(200)
    assert.equal(skipped.body().next.campaignContactId, rows[1].id)
    assert.deepEqual(skipped.body().progress, { sent: 0, remaining: 1 })
    await rows[0].refresh()
    assert.isNull(rows[0].assignedUserId)
    assert.isNotNull(rows[0].skippedAt)

    // Skipping again is harmless.
    const again = await texting(client, texter, 'post', campaign, 'texting.skip', {
      campaignContactId: rows[0].id,
    })
    again.assertStatus(200)
  })

  test('Opt out records the phone on the organization’s list and moves on', async ({
    client,
    assert,
  }) => {
    const { owner, texter, campaign, rows, contacts } = await texterWithBatch(client, {
      contacts: 2,
    })

    const response = await texting(client, texter, 'post', campaign, 'texting.opt_out', {
      campaignContactId: rows[0].id,
    })
    response.assertStatus(200)
    assert.equal(response.body().next.campaignContactId, rows[1].id)
    const record = await OptOut.query()
      .where('organization_id', owner.organizationId)
      .where('phone', contacts[0].phone)
      .firstOrFail()
    assert.equal(record.source, 'texter')
    assert.equal(record.createdById, texter.userId)
    await rows[0].refresh()
    assert.equal(rows[0].status, 'opted_out')
  })
})

test.group('Texting | concurrent presses', (group) => {
  let organization: Organization | undefined
  group.each.teardown(async () => {
    if (!organization) return
    // MySQL cascades from organizations and contacts at once; the texts go first.
    await Message.query().where('organization_id', organization.id).delete()
    await organization.delete()
  })

  test('a press repeated at once, or several presses, send exactly one text', async ({
    client,
    assert,
  }) => {
    const { owner, texter, campaign, rows } = await texterWithBatch(client, { contacts: 2 })
    organization = owner.organization

    const sameKey = await Promise.all(
      Array.from({ length: 6 }, () => send(client, texter, campaign, rows[0].id, 'held-enter'))
    )
    assert.deepEqual(
      sameKey.map((response) => response.status()),
      [200, 200, 200, 200, 200, 200]
    )
    assert.lengthOf(new Set(sameKey.map((response) => response.body().message.id)), 1)

    const differentKeys = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        send(client, texter, campaign, rows[1].id, `press-${index}`)
      )
    )
    const statuses = differentKeys.map((response) => response.status()).sort()
    assert.deepEqual(statuses, [200, 409, 409, 409, 409, 409])

    const messages = await messagesOf(campaign)
    assert.deepEqual(
      messages.map((message) => message.campaignContactId),
      [rows[0].id, rows[1].id]
    )
    const sent = await CampaignContact.query()
      .where('campaign_id', campaign.id)
      .where('status', 'messaged')
    assert.lengthOf(sent, 2)
  })
})
