import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { createContact, createList, createTag, optOut } from '#tests/helpers/contacts'

test.group('API | contacts', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('lists contacts newest first, in the documented shape', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const volunteers = await createTag(owner.organizationId, 'volunteer')
    const ann = await createContact(owner.organizationId, {
      phone: '+12025550143',
      firstName: 'Ann',
      lastName: 'Lee',
      zip: '48104',
      state: 'MI',
      timezone: 'America/Detroit',
      customFields: { 'Volunteer Level': 'Gold' },
      tags: [volunteers],
    })
    const bob = await createContact(owner.organizationId, { firstName: 'Bob' })
    await optOut(owner.organizationId, bob.phone)

    const response = await client.get('/api/v1/contacts').bearerToken(await apiTokenFor(owner))

    response.assertStatus(200)
    assertMatchesApiDoc(response)
    assert.deepEqual(response.body().meta, { total: 2, page: 1, perPage: 50 })
    assert.deepEqual(response.body().data, [
      {
        id: bob.id,
        phone: bob.phone,
        firstName: 'Bob',
        lastName: null,
        zip: null,
        state: null,
        timezone: null,
        customFields: {},
        tags: [],
        optedOut: true,
        erased: false,
        optIn: null,
      },
      {
        id: ann.id,
        phone: '+12025550143',
        firstName: 'Ann',
        lastName: 'Lee',
        zip: '48104',
        state: 'MI',
        timezone: 'America/Detroit',
        customFields: { 'Volunteer Level': 'Gold' },
        tags: ['volunteer'],
        optedOut: false,
        erased: false,
        optIn: null,
      },
    ])
  })

  test('finds a phone written in any format', async ({ client, assert }) => {
    const owner = await createMember('supervisor')
    const token = await apiTokenFor(owner)
    const ann = await createContact(owner.organizationId, { phone: '+12025550143' })
    await createContact(owner.organizationId)

    for (const written of ['(202) 555-0143', '202.555.0143', '+1 202 555 0143', '12025550143']) {
      const response = await client
        .get('/api/v1/contacts')
        .qs({ phone: written })
        .bearerToken(token)
      response.assertStatus(200)
      assertMatchesApiDoc(response)
      assert.deepEqual(
        response.body().data.map((contact: { id: number }) => contact.id),
        [ann.id],
        written
      )
    }

    const invalid = await client.get('/api/v1/contacts').qs({ phone: '555' }).bearerToken(token)
    invalid.assertStatus(422)
    assertMatchesApiDoc(invalid)
    assert.equal(invalid.body().errors[0].field, 'phone')
  })

  test('filters by list and by tag name, and pages', async ({ client, assert }) => {
    const owner = await createMember('admin')
    const token = await apiTokenFor(owner)
    const canvass = await createList(owner.organizationId, 'Canvass')
    const donor = await createTag(owner.organizationId, 'donor')
    const listed = []
    for (let i = 0; i < 5; i++) {
      listed.push(await createContact(owner.organizationId, { lists: [canvass] }))
    }
    const tagged = await createContact(owner.organizationId, { tags: [donor], lists: [canvass] })
    await createContact(owner.organizationId)

    const byList = await client
      .get('/api/v1/contacts')
      .qs({ listId: canvass.id, perPage: 2, page: 2 })
      .bearerToken(token)
    byList.assertStatus(200)
    assertMatchesApiDoc(byList)
    assert.deepEqual(byList.body().meta, { total: 6, page: 2, perPage: 2 })
    assert.deepEqual(
      byList.body().data.map((contact: { id: number }) => contact.id),
      [listed[3].id, listed[2].id]
    )

    const byTag = await client.get('/api/v1/contacts').qs({ tag: 'donor' }).bearerToken(token)
    assert.deepEqual(
      byTag.body().data.map((contact: { id: number }) => contact.id),
      [tagged.id]
    )
    const unknownTag = await client.get('/api/v1/contacts').qs({ tag: 'nope' }).bearerToken(token)
    assert.equal(unknownTag.body().meta.total, 0)
  })

  test('leaves erased contacts out of the list', async ({ client, assert }) => {
    const owner = await createMember('owner')
    await createContact(owner.organizationId, { erasedAt: DateTime.now() })
    const kept = await createContact(owner.organizationId)

    const response = await client.get('/api/v1/contacts').bearerToken(await apiTokenFor(owner))
    assert.deepEqual(
      response.body().data.map((contact: { id: number }) => contact.id),
      [kept.id]
    )
  })

  test('refuses more than 500 per page', async ({ client }) => {
    const owner = await createMember('owner')
    const response = await client
      .get('/api/v1/contacts')
      .qs({ perPage: 501 })
      .bearerToken(await apiTokenFor(owner))
    response.assertStatus(422)
    assertMatchesApiDoc(response)
  })

  test('shows one contact, and another organization’s as not found', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const token = await apiTokenFor(owner)
    const ann = await createContact(owner.organizationId, { firstName: 'Ann' })
    const other = await createMember('owner')
    const theirs = await createContact(other.organizationId, { firstName: 'Theirs' })

    const response = await client.get(`/api/v1/contacts/${ann.id}`).bearerToken(token)
    response.assertStatus(200)
    assertMatchesApiDoc(response)
    assert.equal(response.body().firstName, 'Ann')
    assert.isFalse(response.body().optedOut)

    const hidden = await client.get(`/api/v1/contacts/${theirs.id}`).bearerToken(token)
    hidden.assertStatus(404)
    assertMatchesApiDoc(hidden)
  })

  test('a texter may not browse contacts', async ({ client }) => {
    const texter = await createMember('texter')
    const contact = await createContact(texter.organizationId)
    const token = await apiTokenFor(texter)

    const list = await client.get('/api/v1/contacts').bearerToken(token)
    list.assertStatus(403)
    assertMatchesApiDoc(list)
    const one = await client.get(`/api/v1/contacts/${contact.id}`).bearerToken(token)
    one.assertStatus(403)
    assertMatchesApiDoc(one)
  })
})
