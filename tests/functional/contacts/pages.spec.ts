import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiClient } from '@japa/api-client'
import AuditEvent from '#models/audit_event'
import Contact from '#models/contact'
import Message from '#models/message'
import OptOut from '#models/opt_out'
import type Membership from '#models/membership'
import { pageOfContacts } from '#services/contacts/contact_search'
import { createMember } from '#tests/helpers/members'
import { asMember, assertFormRefused, fieldErrors } from '#tests/helpers/web'
import { inertiaPage } from '#tests/helpers/inertia'
import { apiTokenFor } from '#tests/helpers/members'
import {
  createContact,
  createList,
  createTag,
  memberWithListAndTag,
  optOut,
} from '#tests/helpers/contacts'
import { urlFor } from '@adonisjs/core/services/url_builder'

function message(
  contact: Contact,
  direction: 'inbound' | 'outbound',
  body: string,
  campaignId: number | null = null
) {
  const ours = '+12025550199'
  return Message.create({
    organizationId: contact.organizationId,
    contactId: contact.id,
    campaignId,
    direction,
    body,
    from: direction === 'inbound' ? contact.phone : ours,
    to: direction === 'inbound' ? ours : contact.phone,
    status: direction === 'inbound' ? 'received' : 'delivered',
    segments: 1,
    encoding: 'GSM-7',
    attempts: 0,
  })
}

const ids = (rows: { id: number }[]) => rows.map((row) => row.id)

test.group('Contacts | table', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  async function table(client: ApiClient, member: Membership, qs: Record<string, unknown> = {}) {
    const response = await asMember(client.get(urlFor('contacts.index')).qs(qs), member)
    response.assertStatus(200)
    return inertiaPage(response).props
  }
  async function found(client: ApiClient, member: Membership, qs: Record<string, unknown> = {}) {
    const props = await table(client, member, qs)
    return ids(props.contacts)
  }

  test('searches names and phones in any format, and filters by list, tag and opt-out', async ({
    client,
    assert,
  }) => {
    const { member: supervisor, org, canvass, donor } = await memberWithListAndTag('supervisor')
    const ann = await createContact(org, {
      phone: '+12025550143',
      firstName: 'Ann',
      lastName: 'Lee',
      lists: [canvass],
    })
    const bob = await createContact(org, {
      phone: '+13135550100',
      firstName: 'Bob',
      lastName: 'Annan',
      tags: [donor],
    })
    const cara = await createContact(org, { phone: '+12025550999', firstName: 'Cara' })
    await optOut(org, cara.phone)

    assert.deepEqual(await found(client, supervisor), [cara.id, bob.id, ann.id])
    assert.deepEqual(await found(client, supervisor, { search: 'ANN' }), [bob.id, ann.id])
    assert.deepEqual(await found(client, supervisor, { search: 'ann le' }), [ann.id])
    for (const phone of ['(202) 555-0143', '202-555-0143', '+1 202 555 0143']) {
      assert.deepEqual(await found(client, supervisor, { search: phone }), [ann.id])
    }
    assert.deepEqual(await found(client, supervisor, { search: '202 555' }), [cara.id, ann.id])
    assert.deepEqual(await found(client, supervisor, { listId: canvass.id }), [ann.id])
    assert.deepEqual(await found(client, supervisor, { tagId: donor.id }), [bob.id])
    const optedOut = await table(client, supervisor, { optedOut: 'true' })
    assert.deepEqual(ids(optedOut.contacts), [cara.id])
    assert.isTrue(optedOut.contacts[0].optedOut)
    assert.deepEqual(await found(client, supervisor, { optedOut: 'false' }), [bob.id, ann.id])
    // The page also offers the organization's lists and tags for filtering.
    const props = await table(client, supervisor)
    assert.deepEqual(props.lists, [{ id: canvass.id, name: 'Canvass' }])
    assert.deepEqual(props.tags, [{ id: donor.id, name: 'donor' }])
  })

  test('pages, counting matches only up to a cap', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const made = []
    for (let i = 0; i < 5; i++) made.push(await createContact(owner.organizationId))

    const second = await table(client, owner, { page: 2, perPage: 2 })
    assert.deepEqual(ids(second.contacts), [made[2].id, made[1].id])
    assert.deepEqual(second.meta, { page: 2, perPage: 2, total: 5, totalIsCapped: false })

    const capped = await pageOfContacts(
      owner.organizationId,
      {},
      { page: 1, perPage: 2, countCap: 3 }
    )
    assert.equal(capped.total, 3)
    assert.isTrue(capped.totalIsCapped)
  })

  test('texters do not browse the contact base', async ({ client }) => {
    const texter = await createMember('texter')
    const contact = await createContact(texter.organizationId)
    for (const url of [
      urlFor('contacts.index'),
      urlFor('contacts.show', { id: contact.id }),
      urlFor('contacts.edit', { id: contact.id }),
    ]) {
      const response = await asMember(client.get(url), texter)
      response.assertStatus(403)
    }
  })
})

test.group('Contacts | contact page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('shows fields, custom fields, tags, lists, opt-out and every message', async ({
    client,
    assert,
  }) => {
    const { member: supervisor, org, canvass, donor } = await memberWithListAndTag('supervisor')
    const contact = await createContact(org, {
      firstName: '<script>alert(1)</script>',
      zip: '48104',
      customFields: { 'Volunteer Level': 'Gold' },
      lists: [canvass],
      tags: [donor],
    })
    await optOut(org, contact.phone, 'replied STOP')
    await message(contact, 'outbound', 'Hi from campaign 1', 1)
    await message(contact, 'inbound', 'Who is this?', 1)
    await message(contact, 'outbound', 'Hi from campaign 2', 2)
    const stranger = await createContact(org)
    await message(stranger, 'inbound', 'not theirs')

    const response = await asMember(
      client.get(urlFor('contacts.show', { id: contact.id })),
      supervisor
    )
    response.assertStatus(200)
    // Inbound text reaches the page as data, never as markup.
    assert.notInclude(response.text(), '<script>alert(1)</script>')
    const { props } = inertiaPage(response)
    assert.containSubset(props.contact, {
      id: contact.id,
      firstName: '<script>alert(1)</script>',
      zip: '48104',
      customFields: { 'Volunteer Level': 'Gold' },
      tags: ['donor'],
      lists: [{ id: canvass.id, name: 'Canvass' }],
      optedOut: true,
    })
    assert.containSubset(props.optOut, { reason: 'replied STOP', source: 'keyword' })
    assert.deepEqual(
      props.messages.map((m: { direction: string; body: string }) => [m.direction, m.body]),
      [
        ['outbound', 'Hi from campaign 1'],
        ['inbound', 'Who is this?'],
        ['outbound', 'Hi from campaign 2'],
      ]
    )
    assert.deepEqual(props.can, { edit: true, erase: false })
  })

  test('another organization’s contact is not found', async ({ client }) => {
    const owner = await createMember('owner')
    const other = await createMember('owner')
    const theirs = await createContact(other.organizationId)
    for (const url of [
      urlFor('contacts.show', { id: theirs.id }),
      urlFor('contacts.edit', { id: theirs.id }),
    ]) {
      const response = await asMember(client.get(url), owner)
      response.assertStatus(404)
    }
    const update = await asMember(
      client.put(urlFor('contacts.update', { id: theirs.id })),
      owner
    ).form({
      firstName: 'Mine now',
    })
    update.assertStatus(404)
  })
})

test.group('Contacts | edit', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('saves names, ZIP (and the time zone it implies), custom fields, tags and lists', async ({
    client,
    assert,
  }) => {
    const supervisor = await createMember('supervisor')
    const org = supervisor.organizationId
    const [canvass, donors] = [await createList(org, 'Canvass'), await createList(org, 'Donors')]
    const [donor, vip] = [await createTag(org, 'donor'), await createTag(org, 'vip')]
    const contact = await createContact(org, {
      phone: '+12025550143',
      firstName: 'Ann',
      zip: '48104',
      state: 'MI',
      customFields: { Level: 'Gold', Shirt: 'M' },
      lists: [canvass],
      tags: [donor],
    })

    const edit = await asMember(client.get(urlFor('contacts.edit', { id: contact.id })), supervisor)
    edit.assertStatus(200)
    assert.deepEqual(inertiaPage(edit).props.contact.customFields, [
      { name: 'Level', value: 'Gold' },
      { name: 'Shirt', value: 'M' },
    ])

    const response = await asMember(
      client.put(urlFor('contacts.update', { id: contact.id })),
      supervisor
    ).json({
      firstName: 'Annie',
      lastName: 'Lee',
      zip: '60601',
      state: 'MI',
      customFields: [
        { name: 'Level', value: 'Silver' },
        { name: 'Shirt', value: null },
      ],
      tagIds: [vip.id],
      listIds: [canvass.id, donors.id],
    })
    response.assertStatus(302)
    response.assertHeader('location', `/contacts/${contact.id}`)

    await contact.refresh()
    await contact.load('tags')
    await contact.load('lists')
    assert.equal(contact.firstName, 'Annie')
    assert.equal(contact.lastName, 'Lee')
    assert.equal(contact.zip, '60601')
    // Chicago's ZIP: Central time and Illinois (the state was left as it was), for texting hours.
    assert.equal(contact.timezone, 'America/Chicago')
    assert.equal(contact.state, 'IL')
    assert.deepEqual(contact.customFields, { Level: 'Silver' })
    assert.deepEqual(
      contact.tags.map((tag) => tag.name),
      ['vip']
    )
    assert.sameMembers(
      contact.lists.map((list) => list.name),
      ['Canvass', 'Donors']
    )
    assert.exists(await AuditEvent.findBy({ action: 'contact.updated', subjectId: contact.id }))
  })

  test('refuses another organization’s tags and lists, and bad ZIPs', async ({
    client,
    assert,
  }) => {
    const owner = await createMember('owner')
    const other = await createMember('owner')
    const theirTag = await createTag(other.organizationId, 'theirs')
    const contact = await createContact(owner.organizationId, { firstName: 'Ann' })

    const foreign = await asMember(
      client.put(urlFor('contacts.update', { id: contact.id })),
      owner
    ).json({
      firstName: 'Ann',
      lastName: null,
      zip: null,
      state: null,
      tagIds: [theirTag.id],
    })
    assert.property(fieldErrors(foreign), 'tagIds')

    const badZip = await asMember(
      client.put(urlFor('contacts.update', { id: contact.id })),
      owner
    ).json({
      firstName: 'Ann',
      lastName: null,
      zip: 'nowhere',
      state: null,
    })
    assert.property(fieldErrors(badZip), 'zip')
    await contact.refresh()
    assert.isNull(contact.zip)
  })

  test('adds selected contacts to a list or a tag, and takes them off', async ({
    client,
    assert,
  }) => {
    const { member: supervisor, org, canvass, donor } = await memberWithListAndTag('supervisor')
    const [ann, bob] = [await createContact(org), await createContact(org)]
    const other = await createMember('owner')
    const theirs = await createContact(other.organizationId)

    const add = await asMember(client.post(urlFor('contacts.memberships')), supervisor).json({
      contactIds: [ann.id, bob.id, theirs.id],
      action: 'add',
      listId: canvass.id,
    })
    add.assertStatus(302)
    add.assertFlashMessage('success', 'Added 2 contacts to the list “Canvass”.')
    const members = await Contact.query()
      .whereHas('lists', (lists) => lists.where('contact_lists.id', canvass.id))
      .select('id')
    assert.sameMembers(ids(members), [ann.id, bob.id])

    // Adding again changes nothing; taking off works the same way for tags.
    await asMember(client.post(urlFor('contacts.memberships')), supervisor).json({
      contactIds: [ann.id],
      action: 'add',
      listId: canvass.id,
    })
    await asMember(client.post(urlFor('contacts.memberships')), supervisor).json({
      contactIds: [ann.id, bob.id],
      action: 'add',
      tagId: donor.id,
    })
    await asMember(client.post(urlFor('contacts.memberships')), supervisor).json({
      contactIds: [bob.id],
      action: 'remove',
      tagId: donor.id,
    })
    await ann.load('tags')
    await bob.load('tags')
    assert.lengthOf(ann.tags, 1)
    assert.lengthOf(bob.tags, 0)

    const foreignList = await createList(other.organizationId, 'Theirs')
    const refused = await asMember(client.post(urlFor('contacts.memberships')), supervisor).json({
      contactIds: [ann.id],
      action: 'add',
      listId: foreignList.id,
    })
    refused.assertStatus(404)
  })
})

test.group('Contacts | erase', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('removes the person’s data and keeps their opt-out by phone', async ({ client, assert }) => {
    const { member: admin, org, canvass, donor } = await memberWithListAndTag('admin')
    const contact = await createContact(org, {
      firstName: 'Ann',
      lastName: 'Lee',
      email: 'ann@example.org',
      zip: '48104',
      state: 'MI',
      timezone: 'America/Detroit',
      externalId: 'VAN-1',
      customFields: { Note: 'private' },
      lists: [canvass],
      tags: [donor],
    })
    await optOut(org, contact.phone, 'replied STOP')
    const sent = await message(contact, 'outbound', 'Hi Ann')
    const reply = await message(contact, 'inbound', 'My address is 1 Main St')

    const response = await asMember(
      client.post(urlFor('contacts.erase', { id: contact.id })),
      admin
    ).form({})
    response.assertStatus(302)
    response.assertHeader('location', `/contacts/${contact.id}`)

    await contact.refresh()
    assert.containSubset(contact.serialize(), {
      phone: contact.phone,
      firstName: null,
      lastName: null,
      email: null,
      zip: null,
      state: null,
      timezone: null,
      externalId: null,
      customFields: {},
    })
    assert.isNotNull(contact.erasedAt)
    await contact.load('lists')
    await contact.load('tags')
    assert.lengthOf(contact.lists, 0)
    assert.lengthOf(contact.tags, 0)
    await sent.refresh()
    await reply.refresh()
    assert.equal(sent.body, '')
    assert.equal(reply.body, '')
    const kept = await OptOut.findByOrFail({ organizationId: org, phone: contact.phone })
    assert.equal(kept.reason, 'replied STOP')
    const event = await AuditEvent.findByOrFail({ action: 'contact.erased', subjectId: contact.id })
    assert.equal(event.userId, admin.userId)
    assert.notInclude(JSON.stringify(event.details), 'Ann')

    // The API still knows the phone is opted out; the contact list no longer shows the person.
    const token = await apiTokenFor(admin)
    const shown = await client.get(`/api/v1/contacts/${contact.id}`).bearerToken(token)
    assert.containSubset(shown.body(), { phone: contact.phone, firstName: null, optedOut: true })
    const listed = await client.get('/api/v1/contacts').bearerToken(token)
    assert.equal(listed.body().meta.total, 0)
    // Nor can the erased record be edited back.
    const edit = await asMember(
      client.put(urlFor('contacts.update', { id: contact.id })),
      admin
    ).json({
      firstName: 'Ann',
      lastName: null,
      zip: null,
      state: null,
    })
    edit.assertFlashMessage('error', 'This person’s data was erased; the record cannot be edited.')
  })

  test('puts the phone on the opt-out list when asked to', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const contact = await createContact(owner.organizationId, { firstName: 'Bob' })

    await asMember(client.post(urlFor('contacts.erase', { id: contact.id })), owner).form({
      optOut: 'true',
    })

    const recorded = await OptOut.findByOrFail({
      organizationId: owner.organizationId,
      phone: contact.phone,
    })
    assert.equal(recorded.source, 'admin')
    assert.equal(recorded.createdById, owner.userId)
  })

  test('only admins and owners erase', async ({ client, assert }) => {
    const supervisor = await createMember('supervisor')
    const contact = await createContact(supervisor.organizationId, { firstName: 'Ann' })

    const response = await asMember(
      client.post(urlFor('contacts.erase', { id: contact.id })),
      supervisor
    ).form({})
    assertFormRefused(response)
    await contact.refresh()
    assert.equal(contact.firstName, 'Ann')
  })
})
