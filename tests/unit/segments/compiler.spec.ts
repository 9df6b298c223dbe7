import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import type Organization from '#models/organization'
import type ContactList from '#models/contact_list'
import type Tag from '#models/tag'
import { OrganizationFactory } from '#database/factories/organization_factory'
import { countSegment, segmentContacts } from '#services/segments/audience'
import type { SegmentGroup } from '#services/segments/definition'
import { createContact, createList, createTag, optOut } from '#tests/helpers/contacts'

/**
 * One small organization whose contacts differ in every field the segment
 * language reads; each test names the people a definition must select.
 */
type World = { org: Organization; l1: ContactList; l2: ContactList; volunteer: Tag; donor: Tag }

async function buildWorld(): Promise<World> {
  const org = await OrganizationFactory.create()
  const l1 = await createList(org.id, 'Canvassers')
  const l2 = await createList(org.id, 'Donors 2026')
  const volunteer = await createTag(org.id, 'volunteer')
  const donor = await createTag(org.id, 'donor')

  await createContact(org.id, {
    firstName: 'Ann',
    lastName: 'Lee',
    zip: '02115',
    state: 'MA',
    timezone: 'America/New_York',
    customFields: { 'Volunteer Level': 'Gold', 'Age': '34', 'Note': 'likes 100% cotton' },
    lists: [l1],
    tags: [volunteer],
  })
  await createContact(org.id, {
    firstName: 'bob',
    lastName: 'Smith',
    zip: '94110',
    state: 'CA',
    timezone: 'America/Los_Angeles',
    customFields: { 'Volunteer Level': 'silver', 'Age': '7' },
    lists: [l1, l2],
  })
  const cara = await createContact(org.id, { firstName: 'Cara', tags: [volunteer, donor] })
  await optOut(org.id, cara.phone)
  await createContact(org.id, {
    firstName: 'Dan',
    lastName: "O'Neil",
    zip: '60601',
    state: 'IL',
    timezone: 'America/Chicago',
    customFields: { 'Age': 'unknown', 'Volunteer Level': '' },
    lists: [l2],
  })
  // Never part of an audience: erased here, or another organization's.
  await createContact(org.id, { firstName: 'Erased', erasedAt: DateTime.now(), lists: [l1] })
  const other = await OrganizationFactory.create()
  const otherList = await createList(other.id, 'Canvassers')
  await createContact(other.id, { firstName: 'Ann', state: 'MA', lists: [otherList] })
  return { org, l1, l2, volunteer, donor }
}

async function names(org: Organization, definition: SegmentGroup) {
  const contacts = await segmentContacts(org.id, definition)
  return contacts.map((contact) => contact.firstName!).sort((a, b) => a.localeCompare(b))
}

const all = (...conditions: unknown[]) => ({ all: conditions }) as SegmentGroup
const any = (...conditions: unknown[]) => ({ any: conditions }) as SegmentGroup
const where = (field: string, op: string, value?: unknown) => ({ field, op, value })

test.group('Segment compiler | text fields', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an empty group selects every contact that is not erased', async ({ assert }) => {
    const { org } = await buildWorld()
    assert.deepEqual(await names(org, all()), ['Ann', 'bob', 'Cara', 'Dan'])
    assert.deepEqual(await names(org, any()), ['Ann', 'bob', 'Cara', 'Dan'])
    assert.equal(await countSegment(org.id, all()), 4)
  })

  test('eq and neq ignore case, and neq includes contacts without the field', async ({
    assert,
  }) => {
    const { org } = await buildWorld()
    assert.deepEqual(await names(org, all(where('firstName', 'eq', 'ANN'))), ['Ann'])
    assert.deepEqual(await names(org, all(where('lastName', 'eq', "o'neil"))), ['Dan'])
    assert.deepEqual(await names(org, all(where('lastName', 'neq', 'lee'))), ['bob', 'Cara', 'Dan'])
  })

  test('in and notIn take lists of values', async ({ assert }) => {
    const { org } = await buildWorld()
    assert.deepEqual(await names(org, all(where('state', 'in', ['ma', 'CA']))), ['Ann', 'bob'])
    assert.deepEqual(await names(org, all(where('state', 'notIn', ['MA']))), ['bob', 'Cara', 'Dan'])
    assert.deepEqual(await names(org, all(where('zip', 'in', [94110, '60601']))), ['bob', 'Dan'])
  })

  test('contains matches a part of the text, wildcards taken literally', async ({ assert }) => {
    const { org } = await buildWorld()
    assert.deepEqual(await names(org, all(where('lastName', 'contains', 'MIT'))), ['bob'])
    assert.deepEqual(await names(org, all(where('customFields.Note', 'contains', '100%'))), ['Ann'])
    assert.deepEqual(await names(org, all(where('customFields.Note', 'contains', '%'))), ['Ann'])
    assert.deepEqual(await names(org, all(where('lastName', 'contains', '_'))), [])
    assert.deepEqual(await names(org, all(where('lastName', 'contains', '!'))), [])
  })

  test('exists means a non-empty value', async ({ assert }) => {
    const { org } = await buildWorld()
    assert.deepEqual(await names(org, all(where('zip', 'exists', true))), ['Ann', 'bob', 'Dan'])
    assert.deepEqual(await names(org, all(where('zip', 'exists', false))), ['Cara'])
    assert.deepEqual(await names(org, all(where('customFields.Volunteer Level', 'exists', true))), [
      'Ann',
      'bob',
    ])
  })

  test('gt and lt compare numbers, skipping values that are not numeric', async ({ assert }) => {
    const { org } = await buildWorld()
    assert.deepEqual(await names(org, all(where('zip', 'gt', 60000))), ['bob', 'Dan'])
    assert.deepEqual(await names(org, all(where('zip', 'lt', 60000))), ['Ann'])
    assert.deepEqual(await names(org, all(where('customFields.Age', 'gt', 10))), ['Ann'])
    assert.deepEqual(await names(org, all(where('customFields.Age', 'gt', '10'))), ['Ann'])
    assert.deepEqual(await names(org, all(where('customFields.Age', 'lt', 10.5))), ['bob'])
    assert.deepEqual(await names(org, all(where('customFields.Age', 'lt', -1))), [])
  })

  test('gt and lt compare text when the value is not a number', async ({ assert }) => {
    const { org } = await buildWorld()
    assert.deepEqual(await names(org, all(where('timezone', 'gt', 'america/d'))), ['Ann', 'bob'])
    assert.deepEqual(await names(org, all(where('timezone', 'lt', 'America/D'))), ['Dan'])
  })

  test('custom fields are read by their column header, spaces and quotes included', async ({
    assert,
  }) => {
    const { org } = await buildWorld()
    assert.deepEqual(await names(org, all(where('customFields.Volunteer Level', 'eq', 'gold'))), [
      'Ann',
    ])
    assert.deepEqual(
      await names(org, all(where('customFields.Volunteer Level', 'notIn', ['GOLD']))),
      ['bob', 'Cara', 'Dan']
    )
    assert.deepEqual(
      await names(org, all(where("customFields.x') OR 1=1 --", 'eq', "' OR '1'='1"))),
      []
    )
    assert.deepEqual(await names(org, all(where('customFields.Missing', 'neq', 'x'))), [
      'Ann',
      'bob',
      'Cara',
      'Dan',
    ])
  })
})

test.group('Segment compiler | lists, tags, opt-outs, nesting', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('list conditions take ids or names', async ({ assert }) => {
    const { org, l1, l2 } = await buildWorld()
    assert.deepEqual(await names(org, all(where('list', 'eq', l1.id))), ['Ann', 'bob'])
    assert.deepEqual(await names(org, all(where('list', 'eq', 'Donors 2026'))), ['bob', 'Dan'])
    assert.deepEqual(await names(org, all(where('list', 'in', [l1.id, 'Donors 2026']))), [
      'Ann',
      'bob',
      'Dan',
    ])
    assert.deepEqual(await names(org, all(where('list', 'notIn', [l1.id]))), ['Cara', 'Dan'])
    assert.deepEqual(await names(org, all(where('list', 'neq', l2.id))), ['Ann', 'Cara'])
    assert.deepEqual(await names(org, all(where('list', 'exists', true))), ['Ann', 'bob', 'Dan'])
    assert.deepEqual(await names(org, all(where('list', 'exists', false))), ['Cara'])
  })

  test('tag conditions take ids or names', async ({ assert }) => {
    const { org, volunteer, donor } = await buildWorld()
    assert.deepEqual(await names(org, all(where('tag', 'eq', 'volunteer'))), ['Ann', 'Cara'])
    assert.deepEqual(await names(org, all(where('tag', 'eq', donor.id))), ['Cara'])
    assert.deepEqual(await names(org, all(where('tag', 'neq', volunteer.id))), ['bob', 'Dan'])
    assert.deepEqual(await names(org, all(where('tag', 'in', ['donor', volunteer.id]))), [
      'Ann',
      'Cara',
    ])
    assert.deepEqual(await names(org, all(where('tag', 'notIn', ['donor']))), ['Ann', 'bob', 'Dan'])
    assert.deepEqual(await names(org, all(where('tag', 'exists', false))), ['bob', 'Dan'])
  })

  test('optedOut reads the opt-out list by phone', async ({ assert }) => {
    const { org } = await buildWorld()
    assert.deepEqual(await names(org, all(where('optedOut', 'eq', true))), ['Cara'])
    assert.deepEqual(await names(org, all(where('optedOut', 'neq', false))), ['Cara'])
    assert.deepEqual(await names(org, all(where('optedOut', 'eq', false))), ['Ann', 'bob', 'Dan'])
    assert.deepEqual(await names(org, all(where('optedOut', 'neq', true))), ['Ann', 'bob', 'Dan'])
  })

  test('all and any nest', async ({ assert }) => {
    const { org, l2 } = await buildWorld()
    const definition = all(
      any(where('state', 'eq', 'MA'), where('state', 'eq', 'CA'), where('zip', 'exists', false)),
      any(where('tag', 'eq', 'volunteer'), where('list', 'eq', l2.id)),
      where('optedOut', 'eq', false)
    )
    assert.deepEqual(await names(org, definition), ['Ann', 'bob'])

    const deeper = any(
      all(where('firstName', 'eq', 'dan'), any(where('zip', 'gt', 1), all())),
      all(where('tag', 'eq', 'donor'), any(where('list', 'exists', true), where('zip', 'lt', 1)))
    )
    assert.deepEqual(await names(org, deeper), ['Dan'])
    assert.equal(await countSegment(org.id, deeper), 1)
  })
})
