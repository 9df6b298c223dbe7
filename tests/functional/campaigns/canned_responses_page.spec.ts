import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import CannedResponse from '#models/canned_response'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { asMember, assertFormRefused, fieldErrors } from '#tests/helpers/web'
import { inertiaPage } from '#tests/helpers/inertia'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { createDraft, GOOD_MESSAGE } from '#tests/helpers/campaigns'
import { urlFor } from '@adonisjs/core/services/url_builder'

async function orgWide(organizationId: number) {
  const rows = await CannedResponse.orgWide(organizationId).orderBy('position')
  return rows.map(({ title, body, tags }) => ({ title, body, tags }))
}

test.group('Campaigns | canned responses page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('admins add, edit and delete them; the page lists them, not a campaign’s own', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const org = admin.organizationId
    await createDraft(admin, {
      audience: {},
      script: {
        initial: [{ body: GOOD_MESSAGE }],
        cannedResponses: [{ title: 'Campaign only', body: 'Not org-wide' }],
      },
    })

    const added = await asMember(client.post(urlFor('canned_responses.store')), admin).form({
      title: 'Wrong number',
      body: 'Sorry, we will fix our list.',
      tags: ['data', 'apology'],
    })
    added.assertStatus(302)
    added.assertHeader('location', '/settings/canned-responses')
    await asMember(client.post(urlFor('canned_responses.store')), admin).form({
      title: 'Polling place',
      body: 'Find it at vote.example',
    })
    const invalid = await asMember(client.post(urlFor('canned_responses.store')), admin).form({
      title: '',
      body: 'No title',
    })
    assert.property(fieldErrors(invalid), 'title')

    const page = await asMember(client.get(urlFor('canned_responses.index')), admin)
    page.assertStatus(200)
    const { component, props } = inertiaPage(page)
    assert.equal(component, 'settings/canned_responses')
    assert.isTrue(props.canManage)
    assert.deepEqual(
      props.responses.map(({ title, tags }: { title: string; tags: string[] }) => ({
        title,
        tags,
      })),
      [
        { title: 'Wrong number', tags: ['data', 'apology'] },
        { title: 'Polling place', tags: [] },
      ]
    )

    const [first, second] = props.responses
    const edited = await asMember(
      client.put(urlFor('canned_responses.update', { id: first.id })),
      admin
    ).form({ title: 'Wrong person', body: 'Sorry! Removing you now.' })
    edited.assertStatus(302)
    const deleted = await asMember(
      client.delete(urlFor('canned_responses.destroy', { id: second.id })),
      admin
    )
    deleted.assertStatus(302)
    assert.deepEqual(await orgWide(org), [
      { title: 'Wrong person', body: 'Sorry! Removing you now.', tags: [] },
    ])
    const campaignOwn = await CannedResponse.query()
      .where('organization_id', org)
      .whereNotNull('campaign_id')
    assert.lengthOf(campaignOwn, 1)
  })

  test('supervisors read them; texters may not look; neither may change them', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const organization = admin.organization
    const saved = await CannedResponse.create({
      organizationId: organization.id,
      campaignId: null,
      title: 'Thanks',
      body: 'Thank you!',
      tags: ['polite'],
      position: 0,
    })
    const supervisor = await createMember('supervisor', { organization })
    const texter = await createMember('texter', { organization })

    const read = await asMember(client.get(urlFor('canned_responses.index')), supervisor)
    read.assertStatus(200)
    const { props } = inertiaPage(read)
    assert.isFalse(props.canManage)
    assert.deepEqual(props.responses, [
      { id: saved.id, title: 'Thanks', body: 'Thank you!', tags: ['polite'] },
    ])
    const hidden = await asMember(client.get(urlFor('canned_responses.index')), texter)
    hidden.assertStatus(403)

    for (const member of [supervisor, texter]) {
      assertFormRefused(
        await asMember(client.post(urlFor('canned_responses.store')), member).form({
          title: 'X',
          body: 'Y',
        })
      )
      assertFormRefused(
        await asMember(
          client.put(urlFor('canned_responses.update', { id: saved.id })),
          member
        ).form({
          title: 'X',
          body: 'Y',
        })
      )
      assertFormRefused(
        await asMember(client.delete(urlFor('canned_responses.destroy', { id: saved.id })), member)
      )
    }
    assert.deepEqual(await orgWide(organization.id), [
      { title: 'Thanks', body: 'Thank you!', tags: ['polite'] },
    ])
  })

  test('another organization’s canned response, or a campaign’s own, is not found', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const stranger = await createMember('owner')
    const theirs = await CannedResponse.create({
      organizationId: stranger.organizationId,
      campaignId: null,
      title: 'Theirs',
      body: 'Not yours',
      tags: [],
      position: 0,
    })
    const campaign = await createDraft(admin, {
      audience: {},
      script: {
        initial: [{ body: GOOD_MESSAGE }],
        cannedResponses: [{ title: 'Campaign only', body: 'Edited with the script' }],
      },
    })
    const [own] = await CannedResponse.query().where('campaign_id', campaign.id)

    for (const id of [theirs.id, own.id]) {
      const edited = await asMember(
        client.put(urlFor('canned_responses.update', { id })),
        admin
      ).form({
        title: 'Mine now',
        body: 'Changed',
      })
      edited.assertStatus(404)
      const deleted = await asMember(
        client.delete(urlFor('canned_responses.destroy', { id })),
        admin
      )
      deleted.assertStatus(404)
    }
    await theirs.refresh()
    assert.equal(theirs.title, 'Theirs')
    await own.refresh()
    assert.equal(own.title, 'Campaign only')
  })

  test('the API changes one too: admins only, within the organization', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const token = await apiTokenFor(admin)
    const supervisor = await apiTokenFor(
      await createMember('supervisor', { organization: admin.organization })
    )
    const created = await client
      .post('/api/v1/canned-responses')
      .bearerToken(token)
      .json({ title: 'Thanks', body: 'Thank you!', tags: ['polite'] })
    const id = created.body().id

    const changed = await client
      .put(`/api/v1/canned-responses/${id}`)
      .bearerToken(token)
      .json({ title: 'Thanks a lot', body: 'Thank you so much!', tags: ['warm'] })
    changed.assertStatus(200)
    assertMatchesApiDoc(changed)
    assert.deepEqual(changed.body(), {
      id,
      title: 'Thanks a lot',
      body: 'Thank you so much!',
      tags: ['warm'],
    })

    const refused = await client
      .put(`/api/v1/canned-responses/${id}`)
      .bearerToken(supervisor)
      .json({ title: 'X', body: 'Y' })
    refused.assertStatus(403)
    const invalid = await client
      .put(`/api/v1/canned-responses/${id}`)
      .bearerToken(token)
      .json({ title: '' })
    invalid.assertStatus(422)
    assertMatchesApiDoc(invalid)
    const stranger = await apiTokenFor(await createMember('owner'))
    const hidden = await client
      .put(`/api/v1/canned-responses/${id}`)
      .bearerToken(stranger)
      .json({ title: 'X', body: 'Y' })
    hidden.assertStatus(404)
    assertMatchesApiDoc(hidden)
    assert.deepEqual(await orgWide(admin.organizationId), [
      { title: 'Thanks a lot', body: 'Thank you so much!', tags: ['warm'] },
    ])
  })
})
