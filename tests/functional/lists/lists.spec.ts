import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditEvent from '#models/audit_event'
import ContactList from '#models/contact_list'
import Tag from '#models/tag'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { asMember, assertFormRefused, fieldErrors } from '#tests/helpers/web'
import { inertiaPage } from '#tests/helpers/inertia'
import { createContact, createList, createTag } from '#tests/helpers/contacts'
import { urlFor } from '@adonisjs/core/services/url_builder'

test.group('Lists and tags | page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('shows lists with their sizes and tags with their counts', async ({ client, assert }) => {
    const supervisor = await createMember('supervisor')
    const org = supervisor.organizationId
    const canvass = await createList(org, 'Canvass')
    const empty = await createList(org, 'Empty')
    const donor = await createTag(org, 'donor')
    await createContact(org, { lists: [canvass], tags: [donor] })
    await createContact(org, { lists: [canvass] })

    const response = await asMember(client.get(urlFor('lists.index')), supervisor)
    response.assertStatus(200)
    const { props } = inertiaPage(response)
    assert.deepEqual(props.lists, [
      { id: canvass.id, name: 'Canvass', size: 2 },
      { id: empty.id, name: 'Empty', size: 0 },
    ])
    assert.deepEqual(props.tags, [{ id: donor.id, name: 'donor', escalates: false, contacts: 1 }])
  })

  test('creates, renames and deletes a list; its contacts stay', async ({ client, assert }) => {
    const supervisor = await createMember('supervisor')
    const org = supervisor.organizationId

    const created = await asMember(client.post(urlFor('lists.store')), supervisor).form({
      name: ' Canvass ',
    })
    created.assertStatus(302)
    const list = await ContactList.findByOrFail({ organizationId: org, name: 'Canvass' })
    const contact = await createContact(org, { lists: [list] })

    const duplicate = await asMember(client.post(urlFor('lists.store')), supervisor).form({
      name: 'canvass',
    })
    assert.deepEqual(fieldErrors(duplicate).name, ['There is already a list named "Canvass"'])

    await asMember(client.put(urlFor('lists.update', { id: list.id })), supervisor).form({
      name: 'Door knock',
    })
    await list.refresh()
    assert.equal(list.name, 'Door knock')

    const deleted = await asMember(
      client.delete(urlFor('lists.destroy', { id: list.id })),
      supervisor
    ).form({})
    deleted.assertStatus(302)
    assert.isNull(await ContactList.find(list.id))
    await contact.refresh()
    await contact.load('lists')
    assert.lengthOf(contact.lists, 0)
    const event = await AuditEvent.findByOrFail({ action: 'list.deleted', subjectId: list.id })
    assert.deepEqual(event.details, { name: 'Door knock', size: 1 })
  })

  test('creates, renames and deletes a tag', async ({ client, assert }) => {
    const admin = await createMember('admin')
    const org = admin.organizationId

    await asMember(client.post(urlFor('tags.store')), admin).form({ name: 'donor' })
    const tag = await Tag.findByOrFail({ organizationId: org, name: 'donor' })
    const contact = await createContact(org, { tags: [tag] })
    await createTag(org, 'vip')

    const clash = await asMember(client.put(urlFor('tags.update', { id: tag.id })), admin).form({
      name: 'VIP',
    })
    assert.deepEqual(fieldErrors(clash).name, ['There is already a tag named "vip"'])

    await asMember(client.put(urlFor('tags.update', { id: tag.id })), admin).form({
      name: 'major donor',
    })
    await tag.refresh()
    assert.equal(tag.name, 'major donor')

    await asMember(client.delete(urlFor('tags.destroy', { id: tag.id })), admin).form({})
    assert.isNull(await Tag.find(tag.id))
    await contact.load('tags')
    assert.lengthOf(contact.tags, 0)
  })

  test('texters cannot see or change lists and tags', async ({ client, assert }) => {
    const texter = await createMember('texter')
    const list = await createList(texter.organizationId, 'Canvass')

    const page = await asMember(client.get(urlFor('lists.index')), texter)
    page.assertStatus(403)
    assertFormRefused(
      await asMember(client.post(urlFor('lists.store')), texter).form({ name: 'Mine' })
    )
    assertFormRefused(
      await asMember(client.delete(urlFor('lists.destroy', { id: list.id })), texter).form({})
    )
    assertFormRefused(
      await asMember(client.post(urlFor('tags.store')), texter).form({ name: 'mine' })
    )
    assert.isNotNull(await ContactList.find(list.id))
  })

  test('another organization’s list or tag is not found', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const other = await createMember('owner')
    const list = await createList(other.organizationId, 'Theirs')
    const tag = await createTag(other.organizationId, 'theirs')

    const rename = await asMember(client.put(urlFor('lists.update', { id: list.id })), owner).form({
      name: 'Mine',
    })
    rename.assertStatus(404)
    const remove = await asMember(
      client.delete(urlFor('tags.destroy', { id: tag.id })),
      owner
    ).form({})
    remove.assertStatus(404)
    assert.isNotNull(await Tag.find(tag.id))
  })
})

test.group('Lists | API', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('lists with sizes, and creates a list', async ({ client, assert }) => {
    const supervisor = await createMember('supervisor')
    const token = await apiTokenFor(supervisor)
    const canvass = await createList(supervisor.organizationId, 'Canvass')
    await createContact(supervisor.organizationId, { lists: [canvass] })

    const created = await client
      .post('/api/v1/lists')
      .bearerToken(token)
      .json({ name: 'Phone bank' })
    created.assertStatus(201)
    assertMatchesApiDoc(created)
    assert.containSubset(created.body(), { name: 'Phone bank', size: 0 })

    const listed = await client.get('/api/v1/lists').bearerToken(token)
    listed.assertStatus(200)
    assertMatchesApiDoc(listed)
    assert.deepEqual(listed.body(), {
      data: [
        { id: canvass.id, name: 'Canvass', size: 1 },
        { id: created.body().id, name: 'Phone bank', size: 0 },
      ],
      meta: { total: 2, page: 1, perPage: 50 },
    })
  })

  test('refuses a missing or taken name, and texters', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const token = await apiTokenFor(owner)
    await createList(owner.organizationId, 'Canvass')

    const missing = await client.post('/api/v1/lists').bearerToken(token).json({})
    missing.assertStatus(422)
    assertMatchesApiDoc(missing)
    const taken = await client.post('/api/v1/lists').bearerToken(token).json({ name: 'CANVASS' })
    taken.assertStatus(422)
    assertMatchesApiDoc(taken)
    assert.containSubset(taken.body().errors, [{ field: 'name', rule: 'unique' }])

    const texter = await createMember('texter', { organization: owner.organization })
    const refused = await client
      .post('/api/v1/lists')
      .bearerToken(await apiTokenFor(texter))
      .json({ name: 'Mine' })
    refused.assertStatus(403)
    assertMatchesApiDoc(refused)
  })
})
