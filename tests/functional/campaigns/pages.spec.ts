import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Campaign from '#models/campaign'
import CampaignContact from '#models/campaign_contact'
import { createMember } from '#tests/helpers/members'
import { asMember, fieldErrors } from '#tests/helpers/web'
import { inertiaPage } from '#tests/helpers/inertia'
import { createContact, createList, optOut } from '#tests/helpers/contacts'
import { createFakeAccount, SENDER } from '#tests/helpers/messaging'
import { createDraft } from '#tests/helpers/campaigns'
import { urlFor } from '@adonisjs/core/services/url_builder'

test.group('Campaigns | pages', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the builder saves a draft; its page shows blockers, then launches, pauses and copies', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const org = admin.organizationId
    const account = await createFakeAccount(org)
    const list = await createList(org, 'Canvass')
    await createContact(org, { firstName: 'Ann', lists: [list] })
    const out = await createContact(org, { firstName: 'Bob', lists: [list] })
    await optOut(org, out.phone)

    const builder = await asMember(client.get(urlFor('campaigns.create')), admin)
    builder.assertStatus(200)
    const { props } = inertiaPage(builder)
    assert.deepEqual(props.lists, [{ id: list.id, name: 'Canvass' }])
    assert.deepEqual(props.accounts[0].numbers, [SENDER])

    const counted = await asMember(client.post(urlFor('campaigns.audience_count')), admin).json({
      audience: { listIds: [list.id] },
    })
    assert.deepEqual(counted.body(), { count: 1 })

    const previewed = await asMember(client.post(urlFor('campaigns.preview')), admin).json({
      audience: { listIds: [list.id] },
      variants: [{ body: 'Hi {firstName} {Shirt} — café' }],
    })
    previewed.assertStatus(200)
    const [variant] = previewed.body().variants
    assert.equal(variant.template.encoding, 'UCS-2')
    assert.equal(variant.samples[0].rendered, 'Hi Ann  — café')
    assert.deepEqual(variant.samples[0].missingFields, ['Shirt'])
    assert.equal(previewed.body().cost.contacts, 1)

    const refused = await asMember(client.post(urlFor('campaigns.store')), admin).json({
      name: '',
      audience: {},
      script: { initial: [{ body: 'Hi' }] },
    })
    refused.assertStatus(302)
    assert.property(fieldErrors(refused), 'name')

    const saved = await asMember(client.post(urlFor('campaigns.store')), admin).json({
      name: 'Canvass follow-up',
      providerAccountId: null,
      audience: { listIds: [list.id] },
      script: { initial: [{ body: 'Hi {firstName}, {orgName} here. Reply STOP to opt out' }] },
    })
    saved.assertStatus(302)
    const campaign = await Campaign.findByOrFail('name', 'Canvass follow-up')
    assert.equal(saved.header('location'), `/campaigns/${campaign.id}`)

    const page = await asMember(client.get(urlFor('campaigns.show', { id: campaign.id })), admin)
    const readiness = inertiaPage(page).props.readiness
    assert.equal(readiness.targeted, 1)
    assert.deepEqual(
      readiness.blockers.map((blocker: { code: string }) => blocker.code),
      ['no_provider_account']
    )

    const blocked = await asMember(
      client.post(urlFor('campaigns.launch', { id: campaign.id })),
      admin
    )
    blocked.assertFlashMessage('error', 'Not launched: Choose a provider account.')

    const edited = await asMember(
      client.put(urlFor('campaigns.update', { id: campaign.id })),
      admin
    ).json({
      name: 'Canvass follow-up',
      providerAccountId: account.id,
      audience: { listIds: [list.id] },
      script: { initial: [{ body: 'Hi {firstName}, {orgName} here. Reply STOP to opt out' }] },
    })
    edited.assertStatus(302)
    const launched = await asMember(
      client.post(urlFor('campaigns.launch', { id: campaign.id })),
      admin
    )
    launched.assertFlashMessage('success', 'Launched: 1 contacts are ready for texters.')
    assert.lengthOf(await CampaignContact.query().where('campaign_id', campaign.id), 1)

    const paused = await asMember(
      client.post(urlFor('campaigns.pause', { id: campaign.id })),
      admin
    )
    paused.assertStatus(302)
    await campaign.refresh()
    assert.equal(campaign.status, 'paused')

    const copied = await asMember(client.post(urlFor('campaigns.copy', { id: campaign.id })), admin)
    const copy = await Campaign.findByOrFail('name', 'Canvass follow-up (copy)')
    assert.equal(copied.header('location'), `/campaigns/${copy.id}/edit`)

    const index = await asMember(client.get(urlFor('campaigns.index')), admin)
    const rows = inertiaPage(index).props.campaigns
    assert.deepEqual(
      rows.map((row: { name: string; status: string }) => [row.name, row.status]),
      [
        ['Canvass follow-up (copy)', 'draft'],
        ['Canvass follow-up', 'paused'],
      ]
    )
    assert.containSubset(rows[1].progress, { targeted: 1, toSend: 1, sent: 0, repliesWaiting: 0 })
  })

  test('supervisors see campaigns but cannot build or launch; texters see nothing', async ({
    client,
    assert,
  }) => {
    const owner = await createMember('owner')
    const organization = owner.organization
    const campaign = await createDraft(owner, { audience: {} })
    const supervisor = await createMember('supervisor', { organization })
    const texter = await createMember('texter', { organization })

    const index = await asMember(client.get(urlFor('campaigns.index')), supervisor)
    index.assertStatus(200)
    assert.isFalse(inertiaPage(index).props.canManage)
    const shown = await asMember(
      client.get(urlFor('campaigns.show', { id: campaign.id })),
      supervisor
    )
    shown.assertStatus(200)
    const builder = await asMember(client.get(urlFor('campaigns.create')), supervisor)
    builder.assertStatus(403)
    const launch = await asMember(
      client.post(urlFor('campaigns.launch', { id: campaign.id })),
      supervisor
    )
    assert.notEqual(launch.status(), 200)
    await campaign.refresh()
    assert.equal(campaign.status, 'draft')
    const forTexter = await asMember(client.get(urlFor('campaigns.index')), texter)
    forTexter.assertStatus(403)
  })
})
