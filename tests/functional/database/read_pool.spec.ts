import { test } from '@japa/runner'
import type { Assert } from '@japa/assert'
import db from '@adonisjs/lucid/services/db'
import type Membership from '#models/membership'
import Segment from '#models/segment'
import type ContactList from '#models/contact_list'
import { dialectOf } from '#services/db/sql'
import {
  ConnectionReadPool,
  configureReadPool,
  readPoolFor,
  readPoolSettings,
} from '#services/db/read_pool'
import { WorkerReadPool } from '#services/db/worker_read_pool'
import { countSegment, segmentContacts } from '#services/segments/audience'
import type { SegmentGroup } from '#services/segments/definition'
import { pageOfContacts, searchContacts } from '#services/contacts/contact_search'
import { audienceContacts } from '#services/campaigns/audience'
import { EXPORT_WRITERS } from '#services/exports/campaign_exports'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { createContact, createList, createTag, optOut } from '#tests/helpers/contacts'
import { createDraft } from '#tests/helpers/campaigns'
import { removeOrganization } from '#tests/helpers/heavy_reads'

const STATES = ['MI', 'OH', 'CA', null]
const FIRST = ['Ann', 'Dana', 'Bob', 'Hannah', null]
const LAST = ['Lee', 'Garcia', 'Moore', 'Zhang']
const LEVELS = ['Gold', 'silver', 'Bronze', undefined]

/** A count run in this process, on the server's own connection. */
async function countInProcess(organizationId: number, definition: SegmentGroup) {
  const [row] = await segmentContacts(organizationId, definition)
    .count('* as total')
    .pojo<{ total: number | string }>()
  return Number(row.total)
}

/**
 * Runs `action`; on SQLite, asserts reader processes answered reads meanwhile
 * (the reads did not quietly run in process).
 */
async function throughReaders<T>(assert: Assert, action: () => Promise<T>) {
  const pool = readPoolFor()
  const before = pool instanceof WorkerReadPool ? pool.answered : 0
  const result = await action()
  if (pool instanceof WorkerReadPool) assert.isAbove(pool.answered, before)
  return result
}

/**
 * The same reads through the read pool (reader processes on SQLite, the
 * query's own connection on MySQL) and in process, over committed data.
 */
test.group('Database | the read pool reads what the server reads', (group) => {
  let owner: Membership
  let canvass: ContactList
  let phonebank: ContactList
  group.setup(async () => {
    owner = await createMember('owner')
    const org = owner.organizationId
    canvass = await createList(org, 'Canvass')
    phonebank = await createList(org, 'Phonebank')
    const donor = await createTag(org, 'donor')
    const volunteer = await createTag(org, 'volunteer')
    for (let index = 0; index < 120; index++) {
      const level = LEVELS[index % 4]
      const contact = await createContact(org, {
        firstName: FIRST[index % 5],
        lastName: LAST[index % 4],
        state: STATES[index % 4],
        zip: index % 3 ? `4820${index % 10}` : null,
        customFields: {
          ...(level ? { Level: level } : {}),
          ...(index % 6 ? { Age: String(18 + ((index * 7) % 60)) } : {}),
        },
        lists: [...(index % 2 ? [canvass] : []), ...(index % 5 === 0 ? [phonebank] : [])],
        tags: [...(index % 3 === 0 ? [donor] : []), ...(index % 7 === 0 ? [volunteer] : [])],
      })
      if (index % 11 === 0) await optOut(org, contact.phone)
      if (index % 17 === 0) await contact.merge({ erasedAt: contact.createdAt }).save()
    }
    return () => removeOrganization(owner)
  })

  test('reads go to reader processes on SQLite, to the connection itself on MySQL', async ({
    assert,
    cleanup,
  }) => {
    assert.instanceOf(
      readPoolFor(db.connection()),
      dialectOf(db.connection()) === 'sqlite' ? WorkerReadPool : ConnectionReadPool
    )
    // Inside a transaction that may have written what it reads, on its connection.
    await db.transaction(async (trx) => {
      assert.instanceOf(readPoolFor(trx), ConnectionReadPool)
    })

    // DB_READ_WORKERS=0: no reader processes at all.
    const defaults = { ...readPoolSettings }
    cleanup(() => configureReadPool(defaults))
    await configureReadPool({ workers: 0 })
    assert.instanceOf(readPoolFor(db.connection()), ConnectionReadPool)
    assert.equal(await countSegment(owner.organizationId, { all: [] }), 120 - 8)
  })

  test('segment counts equal the in-process counts', async ({ assert }) => {
    const org = owner.organizationId
    const definitions: SegmentGroup[] = [
      { all: [] },
      { all: [{ field: 'state', op: 'eq', value: 'mi' }] },
      { all: [{ field: 'state', op: 'neq', value: 'MI' }] },
      { any: [{ field: 'customFields.Level', op: 'in', value: ['gold', 'Silver'] }] },
      { all: [{ field: 'customFields.Level', op: 'notIn', value: ['gold'] }] },
      { all: [{ field: 'customFields.Age', op: 'gt', value: 40 }] },
      {
        all: [
          { field: 'customFields.Age', op: 'lt', value: '30' },
          { field: 'firstName', op: 'contains', value: 'an' },
        ],
      },
      { all: [{ field: 'zip', op: 'exists', value: true }] },
      { all: [{ field: 'tag', op: 'exists', value: false }] },
      { all: [{ field: 'lastName', op: 'lt', value: 'M' }] },
      {
        all: [
          { field: 'list', op: 'eq', value: canvass.id },
          { field: 'optedOut', op: 'eq', value: false },
        ],
      },
      {
        any: [
          { field: 'list', op: 'notIn', value: [canvass.id, phonebank.id] },
          {
            all: [
              { field: 'tag', op: 'in', value: ['donor', 'volunteer'] },
              { field: 'lastName', op: 'eq', value: 'lee' },
            ],
          },
        ],
      },
    ]

    const pooled = []
    for (const definition of definitions) {
      const count = await throughReaders(assert, () => countSegment(org, definition))
      assert.equal(count, await countInProcess(org, definition), JSON.stringify(definition))
      pooled.push(count)
    }
    // Enough different answers that a wrong reading would show.
    assert.isAbove(new Set(pooled).size, 8)
  })

  test('contact searches find the same page and total as in process', async ({ assert }) => {
    const org = owner.organizationId
    for (const filters of [
      {},
      { search: 'an' },
      { search: 'garc' },
      { listId: canvass.id },
      { tag: 'donor' },
      { optedOut: true },
      { listId: phonebank.id, search: 'zh' },
    ]) {
      const found = await throughReaders(assert, () =>
        pageOfContacts(org, filters, { page: 1, perPage: 20, countCap: null })
      )
      const { tag, ...rest } = filters as { tag?: string }
      const tagRow =
        tag && (await db.from('tags').where({ organization_id: org, name: tag }).first())
      const tagId = tagRow ? tagRow.id : undefined
      const expected = await searchContacts(org, { ...rest, tagId })
        .clearSelect()
        .select('contacts.id')
        .pojo<{ id: number }>()

      assert.equal(found.total, expected.length, JSON.stringify(filters))
      assert.deepEqual(
        found.contacts.map((contact) => contact.id),
        expected.slice(0, 20).map((row) => row.id),
        JSON.stringify(filters)
      )
    }
  })

  test('a launch snapshots the audience counted in process, and its export reads every row', async ({
    client,
    assert,
  }) => {
    const org = owner.organizationId
    const segment = await Segment.create({
      organizationId: org,
      name: 'Gold or silver',
      definition: { any: [{ field: 'customFields.Level', op: 'in', value: ['gold', 'silver'] }] },
    })
    const campaign = await createDraft(owner, {
      audience: { segmentId: segment.id, listIds: [phonebank.id] },
    })
    const { contacts } = await audienceContacts(org, campaign.audience, {
      campaignId: campaign.id,
    })
    const [expected] = await contacts.clone().count('* as total').pojo<{ total: number }>()

    const token = await apiTokenFor(owner)
    const launched = await throughReaders(assert, () =>
      client.post(`/api/v1/campaigns/${campaign.id}/launch`).bearerToken(token)
    )
    launched.assertStatus(200)

    assert.equal(launched.body().targeted, Number(expected.total))
    assert.isAbove(Number(expected.total), 10)
    const snapshot = await db.from('campaign_contacts').where('campaign_id', campaign.id)
    assert.lengthOf(snapshot, Number(expected.total))

    const target = { organizationId: org, campaignId: campaign.id }
    let text = ''
    const written = await throughReaders(assert, () =>
      EXPORT_WRITERS.contacts.write(target, {
        write: async (chunk) => void (text += chunk),
        progress: async () => {},
      })
    )
    assert.equal(await EXPORT_WRITERS.contacts.rows(target), snapshot.length)
    assert.equal(written.rows, snapshot.length)
    assert.sameMembers(
      text
        .trim()
        .split('\n')
        // Every cell is quoted: "contact id","phone",…
        .map((line) => Number(/^"(\d+)"/.exec(line)![1])),
      snapshot.map((row) => row.contact_id)
    )
  })
})
