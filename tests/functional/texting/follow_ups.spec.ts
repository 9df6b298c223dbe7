import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import type Campaign from '#models/campaign'
import type Membership from '#models/membership'
import ProviderAccount from '#models/provider_account'
import Message from '#models/message'
import ChangeCampaignStatus from '#actions/campaigns/change_campaign_status'
import { clock } from '#services/clock'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { createList, optOut } from '#tests/helpers/contacts'
import { GOOD_MESSAGE } from '#tests/helpers/campaigns'
import { createFakeAccount, fakeInbound, postFakeWebhook } from '#tests/helpers/messaging'
import { campaignContacts, launchedCampaign, texting } from '#tests/helpers/texting'
import { inertiaPage } from '#tests/helpers/inertia'
import { asMember } from '#tests/helpers/web'
import { urlFor } from '@adonisjs/core/services/url_builder'

const HOUR = 3_600_000

type FollowUps = NonNullable<Parameters<typeof launchedCampaign>[1]>['followUps']

const TWO_STEPS: FollowUps = [
  { afterHours: 24, variants: [{ body: 'Hi again {firstName}, did you see my text?' }] },
  { afterHours: 24, when: 'always', variants: [{ body: 'Last one from {texterName}!' }] },
]

type Card = {
  campaignContactId: number
  body: string
  followUp: { stepId: number; number: number; of: number } | null
}

/**
 * A texter of a new organization who sent the first text to each of
 * `contacts` awake contacts of a campaign with these follow-up steps.
 */
async function afterFirstTexts(client: ApiClient, followUps: FollowUps = TWO_STEPS, contacts = 1) {
  const owner = await createMember('owner')
  const texter = await createMember('texter', { organization: owner.organization })
  texter.user.fullName = 'Rosa Parks'
  await texter.user.save()
  const { campaign, contacts: people } = await launchedCampaign(owner, { contacts, followUps })
  await texting(client, texter, 'post', campaign, 'texting.claim').then((r) => r.assertStatus(200))
  const rows = await campaignContacts(campaign)
  for (const row of rows) {
    const sent = await send(
      client,
      texter,
      campaign,
      { campaignContactId: row.id },
      `first-${row.id}`
    )
    sent.assertStatus(200)
  }
  const steps = await db
    .from('follow_up_steps')
    .where('campaign_id', campaign.id)
    .orderBy('position')
  return { owner, texter, campaign, contacts: people, rows, steps: steps.map((s) => Number(s.id)) }
}

function send(
  client: ApiClient,
  texter: Membership,
  campaign: Campaign,
  card: { campaignContactId: number; followUpStepId?: number },
  idempotencyKey: string
) {
  return texting(client, texter, 'post', campaign, 'texting.send', { ...card, idempotencyKey })
}

async function cards(client: ApiClient, texter: Membership, campaign: Campaign): Promise<Card[]> {
  const response = await texting(client, texter, 'get', campaign, 'texting.next').qs({ count: 5 })
  response.assertStatus(200)
  return response.body().contacts
}

async function followUpCards(client: ApiClient, texter: Membership, campaign: Campaign) {
  const all = await cards(client, texter, campaign)
  return all.filter((card) => card.followUp)
}

const followUpMessages = (campaign: Campaign) =>
  Message.query().where('campaign_id', campaign.id).where('purpose', 'campaign_follow_up')

async function reply(campaign: Campaign, phone: string, body = 'Who is this?') {
  const account = await ProviderAccount.findOrFail(campaign.providerAccountId)
  const response = await postFakeWebhook(account, fakeInbound(phone, body))
  if (response.status >= 300) throw new Error(`inbound webhook answered ${response.status}`)
}

test.group('Texting | follow-up steps', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('a follow-up comes due only after its delay, first in the queue, and is sent once', async ({
    client,
    assert,
  }) => {
    const { texter, campaign, rows, steps, contacts } = await afterFirstTexts(client)

    assert.lengthOf(await followUpCards(client, texter, campaign), 0)
    clock.travel(23 * HOUR)
    assert.lengthOf(await followUpCards(client, texter, campaign), 0)
    const early = await send(
      client,
      texter,
      campaign,
      { campaignContactId: rows[0].id, followUpStepId: steps[0] },
      'early'
    )
    early.assertStatus(409)
    assert.equal(early.body().errors[0].rule, 'follow_up_not_due')

    clock.travel(HOUR + 60_000)
    const home = inertiaPage(await asMember(client.get(urlFor('texting.index')), texter))
    assert.containSubset(home.props.campaigns, [{ id: campaign.id, unsent: 0, followUpsDue: 1 }])
    const [card] = await cards(client, texter, campaign)
    assert.deepEqual(card.followUp, { stepId: steps[0], number: 1, of: 2 })
    assert.equal(card.campaignContactId, rows[0].id)
    assert.equal(card.body, 'Hi again Person1, did you see my text?')

    const sent = await send(
      client,
      texter,
      campaign,
      { campaignContactId: rows[0].id, followUpStepId: steps[0] },
      'press-1'
    )
    sent.assertStatus(200)
    const again = await send(
      client,
      texter,
      campaign,
      { campaignContactId: rows[0].id, followUpStepId: steps[0] },
      'press-1'
    )
    assert.deepEqual(again.body().message, sent.body().message)
    const other = await send(
      client,
      texter,
      campaign,
      { campaignContactId: rows[0].id, followUpStepId: steps[0] },
      'press-2'
    )
    other.assertStatus(409)
    assert.equal(other.body().errors[0].rule, 'already_texted')

    const messages = await followUpMessages(campaign)
    assert.lengthOf(messages, 1)
    assert.containSubset(messages[0].serialize(), {
      to: contacts[0].phone,
      body: 'Hi again Person1, did you see my text?',
      idempotencyKey: `followup:${steps[0]}:${rows[0].id}`,
      sentById: texter.userId,
      status: 'queued',
    })
    assert.lengthOf(await followUpCards(client, texter, campaign), 0)

    clock.travel(24 * HOUR)
    const [second] = await followUpCards(client, texter, campaign)
    assert.deepEqual(second.followUp, { stepId: steps[1], number: 2, of: 2 })
    assert.equal(second.body, 'Last one from Rosa!')
  })

  test('due times are stored with the first text and read back by a fresh request', async ({
    client,
    assert,
  }) => {
    const before = clock.now().getTime()
    const { texter, campaign, rows, steps } = await afterFirstTexts(client)

    const stored = await db.from('follow_ups').where('campaign_contact_id', rows[0].id)
    assert.lengthOf(stored, 1)
    assert.equal(Number(stored[0].step_id), steps[0])
    assert.equal(stored[0].status, 'pending')
    const due = stored[0].due_at instanceof Date ? stored[0].due_at : new Date(stored[0].due_at)
    assert.approximately(due.getTime(), before + 24 * HOUR, 5 * 60_000)

    // Nothing held in memory counts: the queue is whatever the database says.
    await db.from('follow_ups').where('id', stored[0].id).update({ due_at: stored[0].created_at })
    const [card] = await followUpCards(client, texter, campaign)
    assert.equal(card.followUp!.stepId, steps[0])
  })

  test('an opted-out person or a failed number gets no follow-up', async ({ client, assert }) => {
    const { owner, texter, campaign, rows, steps, contacts } = await afterFirstTexts(
      client,
      TWO_STEPS,
      2
    )
    await optOut(owner.organizationId, contacts[0].phone)
    // The first text to the second person failed (a landline, say).
    await db.from('campaign_contacts').where('id', rows[1].id).update({ status: 'failed' })
    clock.travel(25 * HOUR)

    assert.lengthOf(await followUpCards(client, texter, campaign), 0)
    const optedOut = await send(
      client,
      texter,
      campaign,
      { campaignContactId: rows[0].id, followUpStepId: steps[0] },
      'press-1'
    )
    optedOut.assertStatus(422)
    assert.equal(optedOut.body().errors[0].rule, 'opted_out')
    const failed = await send(
      client,
      texter,
      campaign,
      { campaignContactId: rows[1].id, followUpStepId: steps[0] },
      'press-2'
    )
    failed.assertStatus(409)
    assert.equal(failed.body().errors[0].rule, 'follow_up_not_wanted')
    assert.lengthOf(await followUpMessages(campaign), 0)
  })

  test('a follow-up waits for the person’s texting hours', async ({ client, assert }) => {
    // The contact's noon plus 12 hours is their midnight.
    const { texter, campaign, rows, steps } = await afterFirstTexts(client, [
      { afterHours: 12, variants: [{ body: 'Still there?' }] },
    ])
    clock.travel(12 * HOUR + 60_000)

    assert.lengthOf(await followUpCards(client, texter, campaign), 0)
    const refused = await send(
      client,
      texter,
      campaign,
      { campaignContactId: rows[0].id, followUpStepId: steps[0] },
      'press-1'
    )
    refused.assertStatus(422)
    assert.equal(refused.body().errors[0].rule, 'outside_texting_hours')
    assert.lengthOf(await followUpMessages(campaign), 0)

    clock.travel(12 * HOUR)
    assert.lengthOf(await followUpCards(client, texter, campaign), 1)
  })

  test('a reply stops a no_reply step but not an always step', async ({ client, assert }) => {
    const { texter, campaign, rows, steps, contacts } = await afterFirstTexts(client, [
      { afterHours: 24, when: 'no_reply', variants: [{ body: 'Did you see my text?' }] },
    ])
    await reply(campaign, contacts[0].phone)
    clock.travel(25 * HOUR)
    assert.lengthOf(await followUpCards(client, texter, campaign), 0)
    const refused = await send(
      client,
      texter,
      campaign,
      { campaignContactId: rows[0].id, followUpStepId: steps[0] },
      'press-1'
    )
    refused.assertStatus(409)
    assert.equal(refused.body().errors[0].rule, 'follow_up_not_wanted')
    assert.lengthOf(await followUpMessages(campaign), 0)

    clock.reset()
    const always = await afterFirstTexts(client, [
      { afterHours: 24, when: 'always', variants: [{ body: 'Polls open at 7!' }] },
    ])
    await reply(always.campaign, always.contacts[0].phone)
    clock.travel(25 * HOUR)
    const [card] = await followUpCards(client, always.texter, always.campaign)
    assert.equal(card.body, 'Polls open at 7!')
    const sent = await send(
      client,
      always.texter,
      always.campaign,
      { campaignContactId: always.rows[0].id, followUpStepId: always.steps[0] },
      'press-1'
    )
    sent.assertStatus(200)
    assert.lengthOf(await followUpMessages(always.campaign), 1)
  })

  test('a reply arriving while the follow-up is on screen makes Send answer 409', async ({
    client,
    assert,
  }) => {
    const { texter, campaign, rows, steps, contacts } = await afterFirstTexts(client, TWO_STEPS, 2)
    clock.travel(25 * HOUR)
    const onScreen = await followUpCards(client, texter, campaign)
    assert.deepEqual(
      onScreen.map((card) => card.campaignContactId),
      [rows[0].id, rows[1].id]
    )

    await reply(campaign, contacts[0].phone)
    const refused = await send(
      client,
      texter,
      campaign,
      { campaignContactId: rows[0].id, followUpStepId: steps[0] },
      'press-1'
    )
    refused.assertStatus(409)
    assert.equal(refused.body().errors[0].rule, 'follow_up_not_wanted')
    assert.lengthOf(await followUpMessages(campaign), 0)
    // The card moves on to the next person.
    const [next] = await followUpCards(client, texter, campaign)
    assert.equal(next.campaignContactId, rows[1].id)
  })

  test('no follow-up goes out once the campaign is paused or completed', async ({
    client,
    assert,
  }) => {
    const { owner, texter, campaign, rows, steps } = await afterFirstTexts(client)
    clock.travel(25 * HOUR)
    const press = () =>
      send(
        client,
        texter,
        campaign,
        { campaignContactId: rows[0].id, followUpStepId: steps[0] },
        'press-1'
      )

    await ChangeCampaignStatus.handle({ actor: owner, campaign, change: 'pause' })
    assert.lengthOf(await followUpCards(client, texter, campaign), 0)
    const paused = await press()
    paused.assertStatus(422)
    assert.equal(paused.body().errors[0].rule, 'campaign_not_active')

    await ChangeCampaignStatus.handle({ actor: owner, campaign, change: 'complete' })
    const completed = await press()
    assert.equal(completed.body().errors[0].rule, 'campaign_not_active')
    assert.lengthOf(await followUpMessages(campaign), 0)
  })

  test('two presses racing one follow-up send exactly one text', async ({ client, assert }) => {
    const { owner, texter, campaign, rows, steps } = await afterFirstTexts(client)
    const other = await createMember('texter', { organization: owner.organization })
    clock.travel(25 * HOUR)
    const card = { campaignContactId: rows[0].id, followUpStepId: steps[0] }

    const answers = await Promise.all([
      send(client, texter, campaign, card, 'press-a'),
      send(client, texter, campaign, card, 'press-b'),
      send(client, other, campaign, card, 'press-c'),
    ])
    const statuses = answers.map((answer) => answer.status()).sort()
    assert.deepEqual(statuses, [200, 409, 409])
    const messages = await followUpMessages(campaign)
    assert.lengthOf(messages, 1)
    assert.equal(messages[0].idempotencyKey, `followup:${steps[0]}:${rows[0].id}`)
  })

  test('campaign stats count each step’s texts, replies and opt-outs', async ({
    client,
    assert,
  }) => {
    const { owner, texter, campaign, rows, steps, contacts } = await afterFirstTexts(
      client,
      TWO_STEPS,
      3
    )
    clock.travel(25 * HOUR)
    for (const row of rows.slice(0, 2)) {
      const sent = await send(
        client,
        texter,
        campaign,
        { campaignContactId: row.id, followUpStepId: steps[0] },
        `f1-${row.id}`
      )
      sent.assertStatus(200)
    }
    await reply(campaign, contacts[0].phone, 'Yes I saw it')
    await optOut(owner.organizationId, contacts[1].phone)

    const response = await client
      .get(`/api/v1/campaigns/${campaign.id}/stats`)
      .bearerToken(await apiTokenFor(owner))
    response.assertStatus(200)
    assertMatchesApiDoc(response)
    assert.deepEqual(response.body().followUps, [
      {
        stepId: steps[0],
        sent: 2,
        replied: 1,
        optedOut: 1,
        delivered: 0,
        clicks: 0,
        uniqueClickers: 0,
        clickRate: 0,
      },
      {
        stepId: steps[1],
        sent: 0,
        replied: 0,
        optedOut: 0,
        delivered: 0,
        clicks: 0,
        uniqueClickers: 0,
        clickRate: 0,
      },
    ])
  })

  test('the campaigns API takes follow-up steps and returns them with their ids', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const token = await apiTokenFor(admin)
    const account = await createFakeAccount(admin.organizationId)
    const list = await createList(admin.organizationId, 'Canvass')
    const followUps = [
      {
        afterHours: 48,
        when: 'no_reply',
        variants: [
          { body: 'Hi {firstName}, one more thing', weight: 2 },
          { body: 'Hey {firstName}, quick reminder', weight: 1 },
        ],
      },
      { afterHours: 72, when: 'always', variants: [{ body: 'Polls close at 8', weight: 1 }] },
    ]
    const body = {
      name: 'GOTV',
      providerAccountId: account.id,
      audience: { listIds: [list.id] },
      script: { initial: [{ body: GOOD_MESSAGE }], followUps },
    }

    const created = await client.post('/api/v1/campaigns').bearerToken(token).json(body)
    created.assertStatus(201)
    assertMatchesApiDoc(created)
    const shown = await client.get(`/api/v1/campaigns/${created.body().id}`).bearerToken(token)
    shown.assertStatus(200)
    assertMatchesApiDoc(shown)
    const steps = shown.body().script.followUps
    assert.deepEqual(
      steps.map(({ id: _id, ...step }: { id: number }) => step),
      followUps
    )
    assert.isTrue(steps.every((step: { id: unknown }) => Number.isInteger(step.id)))

    // The condition defaults to no_reply; a draft's steps are replaced as a whole.
    const updated = await client
      .put(`/api/v1/campaigns/${created.body().id}`)
      .bearerToken(token)
      .json({
        ...body,
        script: { ...body.script, followUps: [{ afterHours: 5, variants: [{ body: 'Hi?' }] }] },
      })
    updated.assertStatus(200)
    assert.deepEqual(
      updated.body().script.followUps.map(({ id: _id, ...step }: { id: number }) => step),
      [{ afterHours: 5, when: 'no_reply', variants: [{ body: 'Hi?', weight: 1 }] }]
    )

    const invalid = await client
      .post('/api/v1/campaigns')
      .bearerToken(token)
      .json({ ...body, script: { ...body.script, followUps: [{ afterHours: 0, variants: [] }] } })
    invalid.assertStatus(422)
  })
})
