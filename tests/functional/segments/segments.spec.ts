import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Segment from '#models/segment'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { asMember, assertFormRefused, fieldErrors } from '#tests/helpers/web'
import { inertiaPage } from '#tests/helpers/inertia'
import {
  createContact,
  createList,
  createTag,
  memberWithListAndTag,
  optOut,
} from '#tests/helpers/contacts'
import { urlFor } from '@adonisjs/core/services/url_builder'

const michigan = { all: [{ field: 'state', op: 'eq', value: 'MI' }] }

test.group('Segments | API', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('saves a segment and counts it; reads it back with its definition', async ({
    client,
    assert,
  }) => {
    const supervisor = await createMember('supervisor')
    const org = supervisor.organizationId
    const token = await apiTokenFor(supervisor)
    const canvass = await createList(org, 'Canvass')
    await createTag(org, 'volunteer')
    await createContact(org, { state: 'MI', lists: [canvass] })
    const out = await createContact(org, { state: 'MI', lists: [canvass] })
    await optOut(org, out.phone)
    await createContact(org, { state: 'OH', customFields: { Level: 'Gold' } })
    const definition = {
      any: [
        {
          all: [
            { field: 'list', op: 'eq', value: canvass.id },
            { field: 'optedOut', op: 'eq', value: false },
          ],
        },
        { field: 'customFields.Level', op: 'in', value: ['gold', 'silver'] },
        { field: 'tag', op: 'eq', value: 'volunteer' },
      ],
    }

    const created = await client
      .post('/api/v1/segments')
      .bearerToken(token)
      .json({ name: 'Textable canvass or gold', definition })
    created.assertStatus(201)
    assertMatchesApiDoc(created)
    assert.containSubset(created.body(), { name: 'Textable canvass or gold', count: 2 })

    const shown = await client.get(`/api/v1/segments/${created.body().id}`).bearerToken(token)
    shown.assertStatus(200)
    assertMatchesApiDoc(shown)
    assert.deepEqual(shown.body(), {
      id: created.body().id,
      name: 'Textable canvass or gold',
      definition,
      count: 2,
    })

    // Counts are live: a new match shows up on the next read.
    await createContact(org, { customFields: { Level: 'Silver' } })
    const again = await client.get(`/api/v1/segments/${created.body().id}`).bearerToken(token)
    assert.equal(again.body().count, 3)
  })

  test('renames, redefines, lists and deletes segments', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const token = await apiTokenFor(owner)
    await createContact(owner.organizationId, { state: 'MI', firstName: 'Ann' })
    await createContact(owner.organizationId, { state: 'OH', firstName: 'Bob' })
    const created = await client
      .post('/api/v1/segments')
      .bearerToken(token)
      .json({ name: 'Michigan', definition: michigan })
    const id = created.body().id

    const renamed = await client
      .patch(`/api/v1/segments/${id}`)
      .bearerToken(token)
      .json({
        name: 'Great Lakes',
        definition: { any: [michigan, { all: [{ field: 'state', op: 'eq', value: 'OH' }] }] },
      })
    renamed.assertStatus(200)
    assertMatchesApiDoc(renamed)
    assert.containSubset(renamed.body(), { name: 'Great Lakes', count: 2 })

    const listed = await client.get('/api/v1/segments').bearerToken(token)
    listed.assertStatus(200)
    assertMatchesApiDoc(listed)
    assert.deepEqual(
      listed.body().data.map((segment: { name: string }) => segment.name),
      ['Great Lakes']
    )

    const deleted = await client.delete(`/api/v1/segments/${id}`).bearerToken(token)
    deleted.assertStatus(204)
    assertMatchesApiDoc(deleted)
    assert.isNull(await Segment.find(id))
  })

  test('says exactly what is wrong with a definition', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const token = await apiTokenFor(owner)
    const save = (definition: unknown) =>
      client.post('/api/v1/segments').bearerToken(token).json({ name: 'Bad', definition })

    const cases: [unknown, { field: string; rule: string; message?: string }][] = [
      [
        { all: [{ field: 'shoeSize', op: 'eq', value: 9 }] },
        { field: 'definition.all.0.field', rule: 'field' },
      ],
      [
        { all: [{ field: 'zip', op: 'like', value: '9' }] },
        { field: 'definition.all.0.op', rule: 'op' },
      ],
      [
        { any: [{ all: [{ field: 'list', op: 'contains', value: 'x' }] }] },
        { field: 'definition.any.0.all.0.op', rule: 'op' },
      ],
      [
        { all: [{ field: 'campaign.999999.status', op: 'eq', value: 'replied' }] },
        {
          field: 'definition.all.0.field',
          rule: 'exists',
          message: 'There is no campaign 999999 in this organization',
        },
      ],
      [
        { all: [{ field: 'state', op: 'in', value: 'MI' }] },
        { field: 'definition.all.0.value', rule: 'array' },
      ],
      [
        { all: [{ field: 'zip', op: 'exists', value: 'yes' }] },
        { field: 'definition.all.0.value', rule: 'boolean' },
      ],
      [
        { all: [{ field: 'list', op: 'eq', value: 999999 }] },
        { field: 'definition.all.0.value', rule: 'exists' },
      ],
      [
        { all: [{ field: 'tag', op: 'in', value: ['ghost'] }] },
        { field: 'definition.all.0.value.0', rule: 'exists' },
      ],
      [{ every: [] }, { field: 'definition', rule: 'group' }],
      [
        { all: [], any: [] },
        { field: 'definition', rule: 'group' },
      ],
      [{ all: ['state'] }, { field: 'definition.all.0', rule: 'node' }],
      [
        { all: [{ any: [{ all: [{ any: [{ all: [{ any: [{ all: [] }] }] }] }] }] }] },
        { field: 'definition.all.0.any.0.all.0.any.0.all.0.any.0', rule: 'depth' },
      ],
    ]
    for (const [definition, expected] of cases) {
      const response = await save(definition)
      response.assertStatus(422)
      assertMatchesApiDoc(response)
      assert.containSubset(response.body().errors, [expected], JSON.stringify(definition))
    }
    assert.lengthOf(await Segment.all(), 0)
  })

  test('another organization’s segment is not found; texters are refused', async ({ client }) => {
    const owner = await createMember('owner')
    const other = await createMember('owner')
    const theirs = await Segment.create({
      organizationId: other.organizationId,
      name: 'Theirs',
      definition: michigan as never,
    })
    const token = await apiTokenFor(owner)
    for (const request of [
      client.get(`/api/v1/segments/${theirs.id}`),
      client.patch(`/api/v1/segments/${theirs.id}`).json({ name: 'Mine' }),
      client.delete(`/api/v1/segments/${theirs.id}`),
    ]) {
      const response = await request.bearerToken(token)
      response.assertStatus(404)
      assertMatchesApiDoc(response)
    }

    const texter = await createMember('texter', { organization: owner.organization })
    const refused = await client
      .post('/api/v1/segments')
      .bearerToken(await apiTokenFor(texter))
      .json({ name: 'Mine', definition: michigan })
    refused.assertStatus(403)
    assertMatchesApiDoc(refused)
  })
})

test.group('Segments | pages', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the builder offers lists, tags and the custom fields contacts carry', async ({
    client,
    assert,
  }) => {
    const { member: supervisor, org, canvass, donor } = await memberWithListAndTag('supervisor')
    await createContact(org, { customFields: { 'Volunteer Level': 'Gold' } })
    await createContact(org, { customFields: { 'Shirt': 'M', 'Volunteer Level': 'Silver' } })

    const response = await asMember(client.get(urlFor('segments.create')), supervisor)
    response.assertStatus(200)
    const { props } = inertiaPage(response)
    assert.deepEqual(props.lists, [{ id: canvass.id, name: 'Canvass' }])
    assert.deepEqual(props.tags, [{ id: donor.id, name: 'donor' }])
    assert.deepEqual(props.customFields, ['Shirt', 'Volunteer Level'])
    assert.isNull(props.segment)
  })

  test('counts live while the definition is edited', async ({ client, assert }) => {
    const supervisor = await createMember('supervisor')
    await createContact(supervisor.organizationId, { state: 'MI' })
    await createContact(supervisor.organizationId, { state: 'OH' })

    const counted = await asMember(client.post(urlFor('segments.preview')), supervisor).json({
      definition: michigan,
    })
    counted.assertStatus(200)
    assert.deepEqual(counted.body(), { count: 1 })

    const unfinished = await asMember(client.post(urlFor('segments.preview')), supervisor).json({
      definition: { all: [{ field: 'list', op: 'eq', value: null }] },
    })
    unfinished.assertStatus(422)
    assert.containSubset(unfinished.body().errors, [
      { field: 'definition.all.0.value', rule: 'required', message: 'Choose one' },
    ])
  })

  test('saves, renames and deletes a segment', async ({ client, assert }) => {
    const supervisor = await createMember('supervisor')
    await createContact(supervisor.organizationId, { state: 'MI' })

    const saved = await asMember(client.post(urlFor('segments.store')), supervisor).json({
      name: 'Michigan',
      definition: michigan,
    })
    saved.assertStatus(302)
    saved.assertFlashMessage('success', 'Segment “Michigan” saved: 1 contacts.')
    const segment = await Segment.findByOrFail({ name: 'Michigan' })
    assert.deepEqual(segment.definition, michigan as never)

    const edit = await asMember(client.get(urlFor('segments.edit', { id: segment.id })), supervisor)
    assert.deepEqual(inertiaPage(edit).props.segment, {
      id: segment.id,
      name: 'Michigan',
      definition: michigan,
    })

    const invalid = await asMember(
      client.put(urlFor('segments.update', { id: segment.id })),
      supervisor
    ).json({
      name: 'Michigan',
      definition: { all: [{ field: 'state', op: 'near', value: 'MI' }] },
    })
    assert.include(Object.keys(fieldErrors(invalid)), 'definition.all.0.op')

    await asMember(client.put(urlFor('segments.update', { id: segment.id })), supervisor).json({
      name: 'Wolverines',
    })
    await segment.refresh()
    assert.equal(segment.name, 'Wolverines')
    assert.deepEqual(segment.definition, michigan as never)

    const index = await asMember(client.get(urlFor('segments.index')), supervisor)
    assert.deepEqual(
      inertiaPage(index).props.segments.map((row: { name: string }) => row.name),
      ['Wolverines']
    )

    await asMember(client.delete(urlFor('segments.destroy', { id: segment.id })), supervisor).form(
      {}
    )
    assert.isNull(await Segment.find(segment.id))
  })

  test('texters cannot build segments', async ({ client }) => {
    const texter = await createMember('texter')
    const page = await asMember(client.get(urlFor('segments.index')), texter)
    page.assertStatus(403)
    assertFormRefused(
      await asMember(client.post(urlFor('segments.store')), texter).json({
        name: 'x',
        definition: michigan,
      })
    )
  })
})
