import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import AuditEvent from '#models/audit_event'
import Contact from '#models/contact'
import ContactList from '#models/contact_list'
import Tag from '#models/tag'
import OptOut from '#models/opt_out'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { assertApiError, assertMatchesApiDoc } from '#tests/helpers/openapi'
import { createContact, createList, createTag, optOut } from '#tests/helpers/contacts'

type Item = Record<string, unknown>

async function upsert(client: { put: (url: string) => any }, token: string, contacts: unknown[]) {
  const response = await client.put('/api/v1/contacts').bearerToken(token).json({ contacts })
  assertMatchesApiDoc(response)
  return response
}

async function contactByPhone(organizationId: number, phone: string) {
  const contact = await Contact.query()
    .where('organization_id', organizationId)
    .where('phone', phone)
    .preload('tags')
    .preload('lists')
    .firstOrFail()
  return contact
}

test.group('API | contacts upsert', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('counts each item as an import counts its rows', async ({ client, assert }) => {
    const owner = await createMember('supervisor')
    const org = owner.organizationId
    const known = await createContact(org, { phone: '+12025550143', firstName: 'Ann' })
    await optOut(org, '+12025550199')

    const response = await upsert(client, await apiTokenFor(owner), [
      { phone: '(202) 555-0143', lastName: 'Lee' },
      { phone: '202.555.0144', firstName: 'Bob' },
      { phone: '555' },
      { phone: '+1 202 555 0144', firstName: 'Bobby' },
      { phone: '2025550199', firstName: 'Opted' },
      { firstName: 'No phone' },
      'not an object',
    ])

    response.assertStatus(200)
    const body = response.body()
    const created = await contactByPhone(org, '+12025550144')
    assert.deepInclude(body, { created: 1, updated: 1, invalid: 3, duplicates: 1, optedOut: 1 })
    assert.deepEqual(
      body.results.map((r: Item) => [r.index, r.status, r.id ?? null]),
      [
        [0, 'updated', known.id],
        [1, 'created', created.id],
        [2, 'invalid', null],
        [3, 'duplicate', null],
        [4, 'opted_out', null],
        [5, 'invalid', null],
        [6, 'invalid', null],
      ]
    )
    assert.equal(body.results[2].errors[0].field, 'phone')
    assert.equal(body.results[5].errors[0].field, 'phone')
    assert.match(body.results[3].errors[0].message, /item 1/)
    assert.equal(created.firstName, 'Bob', 'the first of two items with one phone is kept')
    const ann = await contactByPhone(org, known.phone)
    assert.deepInclude(ann.toJSON(), { firstName: 'Ann', lastName: 'Lee' })
    assert.isNull(
      await Contact.query().where('organization_id', org).where('phone', '+12025550199').first()
    )
    const event = await AuditEvent.findByOrFail({
      organizationId: org,
      action: 'contacts.upserted',
    })
    assert.deepEqual(event.details, {
      created: 1,
      updated: 1,
      invalid: 3,
      duplicates: 1,
      optedOut: 1,
    })
  })

  test('normalizes as an import: trims, ZIPs, time zones, custom fields merged', async ({
    client,
    assert,
  }) => {
    const owner = await createMember('admin')
    const org = owner.organizationId
    await createContact(org, {
      phone: '+12025550150',
      customFields: { Level: 'Gold', Shirt: 'M' },
    })
    const token = await apiTokenFor(owner)
    await upsert(client, token, [
      {
        phone: '12025550150',
        firstName: '  Ann  ',
        zip: '2101',
        email: ' ann@example.org ',
        externalId: 'VAN-1',
        customFields: { Shirt: 'L', Ward: ' 3 ' },
      },
    ])

    const ann = await contactByPhone(org, '+12025550150')
    assert.equal(ann.firstName, 'Ann')
    assert.equal(ann.zip, '02101')
    assert.equal(ann.state, 'MA')
    assert.equal(ann.timezone, 'America/New_York')
    assert.equal(ann.email, 'ann@example.org')
    assert.equal(ann.externalId, 'VAN-1')
    assert.deepEqual(ann.customFields, { Level: 'Gold', Shirt: 'L', Ward: '3' })
  })

  test('puts contacts on lists and tags by name, making missing ones', async ({
    client,
    assert,
  }) => {
    const owner = await createMember('owner')
    const org = owner.organizationId
    const canvass = await createList(org, 'Canvass')
    const donor = await createTag(org, 'donor')

    await upsert(client, await apiTokenFor(owner), [
      { phone: '+12025550160', lists: ['canvass', 'Sign-ups'], tags: ['Donor', 'volunteer'] },
      { phone: '+12025550161', lists: ['Sign-ups'], tags: ['volunteer', 'volunteer'] },
    ])

    const first = await contactByPhone(org, '+12025550160')
    const signUps = await ContactList.findByOrFail({ organizationId: org, name: 'Sign-ups' })
    assert.sameMembers(
      first.lists.map((list) => list.id),
      [canvass.id, signUps.id]
    )
    assert.sameMembers(
      first.tags.map((tag) => tag.name),
      [donor.name, 'volunteer']
    )
    const second = await contactByPhone(org, '+12025550161')
    assert.deepEqual(
      second.tags.map((tag) => tag.name),
      ['volunteer']
    )
    assert.lengthOf(await ContactList.query().where('organization_id', org), 2)
    assert.lengthOf(await Tag.query().where('organization_id', org), 2)
  })

  test('the same request twice answers updated and doubles nothing', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const org = owner.organizationId
    const token = await apiTokenFor(owner)
    const items = [
      { phone: '+12025550170', firstName: 'Ann', lists: ['Sign-ups'], tags: ['new'] },
      { phone: '+12025550171', firstName: 'Bob', lists: ['Sign-ups'] },
    ]

    const first = await upsert(client, token, items)
    const again = await upsert(client, token, items)

    assert.deepInclude(first.body(), { created: 2, updated: 0 })
    assert.deepInclude(again.body(), { created: 0, updated: 2 })
    assert.deepEqual(
      again.body().results.map((r: Item) => r.id),
      first.body().results.map((r: Item) => r.id)
    )
    assert.lengthOf(await Contact.query().where('organization_id', org), 2)
    assert.lengthOf(await ContactList.query().where('organization_id', org), 1)
    const [{ total }] = await db.from('contact_list_members').count('* as total')
    assert.equal(Number(total), 2)
    const ann = await contactByPhone(org, '+12025550170')
    assert.lengthOf(ann.lists, 1)
    assert.lengthOf(ann.tags, 1)
  })

  test('refuses more than 1,000 items and writes nothing', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const items = Array.from({ length: 1001 }, (_, i) => ({ phone: `+1202555${1000 + i}` }))

    const response = await client
      .put('/api/v1/contacts')
      .bearerToken(await apiTokenFor(owner))
      .json({ contacts: items })

    assertApiError(response, 422)
    assert.lengthOf(await Contact.query().where('organization_id', owner.organizationId), 0)
  })

  test('takes 1,000 items in one request', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const items = Array.from({ length: 1000 }, (_, i) => ({
      phone: `+1202555${1000 + i}`,
      firstName: `Person ${i}`,
      customFields: { Note: 'x'.repeat(200) },
      lists: ['Big'],
    }))

    const response = await upsert(client, await apiTokenFor(owner), items)

    response.assertStatus(200)
    assert.equal(response.body().created, 1000)
  })

  test('reports validation errors per item', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const response = await upsert(client, await apiTokenFor(owner), [
      { phone: '+12025550180', firstName: 'x'.repeat(121) },
      { phone: '+12025550181', customFields: { Level: 3 } },
      { phone: '+12025550182', tags: [''] },
      { phone: '+12025550183' },
    ])

    assert.deepEqual(
      response.body().results.map((r: Item) => r.status),
      ['invalid', 'invalid', 'invalid', 'created']
    )
    assert.deepEqual(
      response
        .body()
        .results.slice(0, 3)
        .map((r: { errors: Item[] }) => r.errors[0].field),
      ['firstName', 'customFields.Level', 'tags.0']
    )
  })

  test('texters cannot upsert', async ({ client }) => {
    const texter = await createMember('texter')
    const response = await client
      .put('/api/v1/contacts')
      .bearerToken(await apiTokenFor(texter))
      .json({ contacts: [{ phone: '+12025550190' }] })
    assertApiError(response, 403)
  })

  test('writes to the token’s organization only', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const other = await createMember('owner')
    const theirs = await createContact(other.organizationId, {
      phone: '+12025550195',
      firstName: 'Theirs',
    })
    await createList(other.organizationId, 'Shared name')

    const response = await upsert(client, await apiTokenFor(owner), [
      { phone: theirs.phone, firstName: 'Mine', lists: ['Shared name'] },
    ])

    assert.equal(response.body().results[0].status, 'created')
    await theirs.refresh()
    assert.equal(theirs.firstName, 'Theirs')
    const mine = await contactByPhone(owner.organizationId, theirs.phone)
    assert.equal(mine.lists[0].organizationId, owner.organizationId)
  })
})

test.group('API | contacts patch and erase', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('PATCH sets the fields sent and keeps the others', async ({ client, assert }) => {
    const owner = await createMember('supervisor')
    const org = owner.organizationId
    const old = await createTag(org, 'old')
    const contact = await createContact(org, {
      firstName: 'Ann',
      lastName: 'Lee',
      email: 'ann@example.org',
      customFields: { Level: 'Gold', Shirt: 'M' },
      tags: [old],
    })

    const response = await client
      .patch(`/api/v1/contacts/${contact.id}`)
      .bearerToken(await apiTokenFor(owner))
      .json({
        lastName: null,
        zip: '48104-1234',
        customFields: { Shirt: null, Ward: ' 3 ' },
        tags: ['Volunteer'],
        lists: ['Sign-ups'],
      })

    response.assertStatus(200)
    assertMatchesApiDoc(response)
    assert.deepInclude(response.body(), {
      id: contact.id,
      firstName: 'Ann',
      lastName: null,
      zip: '48104',
      state: 'MI',
      timezone: 'America/Detroit',
      customFields: { Level: 'Gold', Ward: '3' },
      tags: ['Volunteer'],
    })
    await contact.refresh()
    await contact.load('lists')
    assert.equal(contact.email, 'ann@example.org')
    assert.deepEqual(
      contact.lists.map((list) => list.name),
      ['Sign-ups']
    )
    assert.isNotNull(await AuditEvent.findBy({ action: 'contact.updated', subjectId: contact.id }))
  })

  test('PATCH refuses bad values and erased contacts', async ({ client }) => {
    const owner = await createMember('owner')
    const token = await apiTokenFor(owner)
    const contact = await createContact(owner.organizationId)

    const invalid = await client
      .patch(`/api/v1/contacts/${contact.id}`)
      .bearerToken(token)
      .json({ firstName: 'x'.repeat(121) })
    assertApiError(invalid, 422)

    await client.delete(`/api/v1/contacts/${contact.id}`).bearerToken(token)
    const erased = await client
      .patch(`/api/v1/contacts/${contact.id}`)
      .bearerToken(token)
      .json({ firstName: 'Back' })
    assertApiError(erased, 409)
  })

  test('DELETE erases as the contact page does', async ({ client, assert }) => {
    const admin = await createMember('admin')
    const org = admin.organizationId
    const canvass = await createList(org, 'Canvass')
    const contact = await createContact(org, {
      firstName: 'Ann',
      email: 'ann@example.org',
      customFields: { Level: 'Gold' },
      lists: [canvass],
    })

    const response = await client
      .delete(`/api/v1/contacts/${contact.id}`)
      .bearerToken(await apiTokenFor(admin))

    response.assertStatus(204)
    assertMatchesApiDoc(response)
    await contact.refresh()
    await contact.load('lists')
    assert.isNotNull(contact.erasedAt)
    assert.isNull(contact.firstName)
    assert.isNull(contact.email)
    assert.deepEqual(contact.customFields, {})
    assert.lengthOf(contact.lists, 0)
    const event = await AuditEvent.findByOrFail({ action: 'contact.erased', subjectId: contact.id })
    assert.equal(event.details?.optedOutNow, true)
  })

  test('DELETE with optOut=false leaves the opt-out list alone', async ({ client, assert }) => {
    const admin = await createMember('admin')
    const contact = await createContact(admin.organizationId, { firstName: 'Ann' })

    const response = await client
      .delete(`/api/v1/contacts/${contact.id}`)
      .qs({ optOut: false })
      .bearerToken(await apiTokenFor(admin))

    response.assertStatus(204)
    await contact.refresh()
    assert.isNotNull(contact.erasedAt)
    assert.isNull(await OptOut.query().where('organization_id', admin.organizationId).first())
  })

  test('supervisors cannot erase; another organization’s contact is not found', async ({
    client,
  }) => {
    const supervisor = await createMember('supervisor')
    const admin = await createMember('admin')
    const contact = await createContact(supervisor.organizationId)

    assertApiError(
      await client
        .delete(`/api/v1/contacts/${contact.id}`)
        .bearerToken(await apiTokenFor(supervisor)),
      403
    )
    const token = await apiTokenFor(admin)
    assertApiError(await client.delete(`/api/v1/contacts/${contact.id}`).bearerToken(token), 404)
    assertApiError(
      await client
        .patch(`/api/v1/contacts/${contact.id}`)
        .bearerToken(token)
        .json({ firstName: 'x' }),
      404
    )
  })
})
