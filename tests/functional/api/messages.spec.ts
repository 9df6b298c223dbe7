import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import Message from '#models/message'
import EraseContact from '#actions/contacts/erase_contact'
import { sqlTime } from '#services/db/sql_time'
import ProviderAccount from '#models/provider_account'
import type { ApiClient } from '@japa/api-client'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { createConversation, zoneAt } from '#tests/helpers/conversations'
import { createContact } from '#tests/helpers/contacts'
import {
  createFakeAccount,
  fakeInbound,
  fakeStatus,
  postFakeWebhook,
  SENDER,
} from '#tests/helpers/messaging'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'

/**
 * An organization with two campaigns: Ada's conversation in the first (her
 * first text, her reply through the carrier's webhook), Ben's in the second
 * (his first text failed).
 */
async function organizationWithTexts() {
  const owner = await createMember('owner')
  const ada = await createConversation(owner, { minutesAgo: 30 })
  const ben = await createConversation(owner, {
    contact: await createContact(owner.organizationId, {
      firstName: 'Ben',
      timezone: zoneAt(12),
    }),
    minutesAgo: 20,
  })
  const benFirst = await Message.query()
    .where('campaign_contact_id', ben.conversation.id)
    .firstOrFail()
  benFirst.merge({ status: 'failed', errorCode: '30006', errorClass: 'recipient' })
  await benFirst.save()
  const account = await ProviderAccount.findOrFail(ada.campaign.providerAccountId)
  await postFakeWebhook(account, fakeInbound(ada.contact.phone, 'Count me in!'))
  const adaFirst = await Message.query()
    .where('campaign_contact_id', ada.conversation.id)
    .where('direction', 'outbound')
    .firstOrFail()
  const adaReply = await Message.query()
    .where('campaign_contact_id', ada.conversation.id)
    .where('direction', 'inbound')
    .firstOrFail()
  return { owner, account, ada, ben, adaFirst, adaReply, benFirst }
}

function list(client: ApiClient, token: string, query: Record<string, unknown> = {}) {
  return client.get('/api/v1/messages').qs(query).bearerToken(token)
}

const idsOf = (response: { body(): { data: { id: number }[] } }) =>
  response.body().data.map((message) => message.id)

test.group('API | messages | list', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('lists every text of the organization, newest first, with its details', async ({
    client,
    assert,
  }) => {
    const { owner, ada, ben, adaFirst, adaReply, benFirst } = await organizationWithTexts()
    const token = await apiTokenFor(owner)

    const response = await list(client, token)

    response.assertStatus(200)
    assertMatchesApiDoc(response)
    assert.deepEqual(idsOf(response), [adaReply.id, benFirst.id, adaFirst.id])
    assert.deepEqual(response.body().meta, { total: 3, page: 1, perPage: 50 })
    const [reply, failed, first] = response.body().data
    assert.containSubset(reply, {
      direction: 'inbound',
      body: 'Count me in!',
      from: ada.contact.phone,
      to: SENDER,
      status: 'received',
      errorCode: null,
      segments: 1,
      encoding: 'GSM-7',
      contactId: ada.contact.id,
      campaignId: ada.campaign.id,
      conversationId: ada.conversation.id,
      sentByUserId: null,
      media: [],
    })
    assert.match(reply.providerMessageId, /^FKin/)
    assert.containSubset(failed, {
      direction: 'outbound',
      status: 'failed',
      errorCode: '30006',
      errorClass: 'recipient',
      contactId: ben.contact.id,
      campaignId: ben.campaign.id,
      conversationId: ben.conversation.id,
      sentByUserId: owner.userId,
    })
    assert.containSubset(first, {
      direction: 'outbound',
      from: SENDER,
      to: ada.contact.phone,
      status: 'delivered',
      purpose: null,
    })
    assert.equal(first.createdAt, adaFirst.createdAt.toUTC().toISO())
  })

  test('each filter narrows the list, and filters combine', async ({ client, assert }) => {
    const { owner, ada, ben, adaFirst, adaReply, benFirst } = await organizationWithTexts()
    const token = await apiTokenFor(owner)
    const hourAgo = DateTime.now().minus({ hours: 1 }).toUTC().toISO()
    const inAnHour = DateTime.now().plus({ hours: 1 }).toUTC().toISO()
    const cases: [Record<string, unknown>, number[]][] = [
      [{ contactId: ada.contact.id }, [adaReply.id, adaFirst.id]],
      [{ contactId: ben.contact.id }, [benFirst.id]],
      [{ campaignId: ben.campaign.id }, [benFirst.id]],
      [{ conversationId: ada.conversation.id }, [adaReply.id, adaFirst.id]],
      [{ direction: 'inbound' }, [adaReply.id]],
      [{ direction: 'outbound' }, [benFirst.id, adaFirst.id]],
      [{ status: 'failed' }, [benFirst.id]],
      [{ status: 'queued' }, []],
      [{ campaignId: ada.campaign.id, direction: 'outbound' }, [adaFirst.id]],
      [{ contactId: ada.contact.id, status: 'failed' }, []],
      [{ contactId: ben.contact.id, campaignId: ada.campaign.id }, []],
      [{ conversationId: ada.conversation.id, direction: 'inbound' }, [adaReply.id]],
      [{ contactId: ada.contact.id, since: hourAgo }, [adaReply.id, adaFirst.id]],
      [{ conversationId: ada.conversation.id, since: inAnHour }, []],
    ]

    for (const [query, expected] of cases) {
      const response = await list(client, token, query)
      response.assertStatus(200)
      assertMatchesApiDoc(response)
      assert.deepEqual(idsOf(response), expected, JSON.stringify(query))
      assert.equal(response.body().meta.total, expected.length, JSON.stringify(query))
    }
  })

  test('since lists what changed at or after a time: a late delivery report shows again', async ({
    client,
    assert,
  }) => {
    const owner = await createMember('owner')
    const contact = await createContact(owner.organizationId)
    const account = await createFakeAccount(owner.organizationId)
    const threeHoursAgo = DateTime.now().minus({ hours: 3 })
    const sent = await Message.create({
      organizationId: owner.organizationId,
      providerAccountId: account.id,
      contactId: contact.id,
      direction: 'outbound',
      body: 'Did you get this?',
      from: SENDER,
      to: contact.phone,
      status: 'sent',
      providerMessageId: 'FKlate1',
      segments: 1,
      encoding: 'GSM-7',
      attempts: 1,
      createdAt: threeHoursAgo,
      updatedAt: threeHoursAgo,
    })
    const token = await apiTokenFor(owner)
    const since = DateTime.now().minus({ hours: 1 }).toUTC().toISO()!

    const before = await list(client, token, { since })
    before.assertStatus(200)
    assert.deepEqual(idsOf(before), [])

    await postFakeWebhook(account, fakeStatus('FKlate1', 'delivered'), { kind: 'status' })
    const after = await list(client, token, { since })

    after.assertStatus(200)
    assertMatchesApiDoc(after)
    assert.deepEqual(idsOf(after), [sent.id])
    const [changed] = after.body().data
    assert.equal(changed.status, 'delivered')
    assert.equal(changed.createdAt, threeHoursAgo.toUTC().startOf('second').toISO())
    assert.isAtLeast(
      DateTime.fromISO(changed.updatedAt).toMillis(),
      DateTime.fromISO(since).toMillis() - 1000
    )
    // A time without an offset is taken (as UTC).
    const withoutOffset = await list(client, token, {
      since: DateTime.now().minus({ minutes: 5 }).toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss"),
    })
    const inTheFuture = await list(client, token, {
      since: DateTime.now().plus({ hours: 2 }).toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss"),
    })
    assert.equal(withoutOffset.body().meta.total, 1)
    assert.equal(inTheFuture.body().meta.total, 0)
  })

  test('since keeps the list newest first, however recently the texts changed', async ({
    client,
    assert,
  }) => {
    const owner = await createMember('owner')
    const contact = await createContact(owner.organizationId)
    const account = await createFakeAccount(owner.organizationId)
    const text = (createdHoursAgo: number, changedMinutesAgo: number) =>
      Message.create({
        organizationId: owner.organizationId,
        providerAccountId: account.id,
        contactId: contact.id,
        direction: 'outbound',
        body: 'Hello',
        from: SENDER,
        to: contact.phone,
        status: 'delivered',
        segments: 1,
        encoding: 'GSM-7',
        attempts: 1,
        createdAt: DateTime.now().minus({ hours: createdHoursAgo }),
        updatedAt: DateTime.now().minus({ minutes: changedMinutesAgo }),
      })
    const older = await text(3, 10)
    const newer = await text(2, 50)
    const unchanged = await text(2, 90)
    const token = await apiTokenFor(owner)

    const response = await list(client, token, {
      since: DateTime.now().minus({ hours: 1 }).toUTC().toISO(),
    })
    const unfiltered = await list(client, token)

    assertMatchesApiDoc(response)
    assert.deepEqual(idsOf(response), [newer.id, older.id])
    assert.deepEqual(idsOf(unfiltered), [unchanged.id, newer.id, older.id])
  })

  test('since sees the texts of a contact whose data was erased, their bodies gone', async ({
    client,
    assert,
  }) => {
    const owner = await createMember('owner')
    const hourAgo = DateTime.now().minus({ hours: 1 })
    const { contact } = await createConversation(owner, { minutesAgo: 120 })
    await Message.query()
      .where('contact_id', contact.id)
      .update({ updated_at: sqlTime(hourAgo.minus({ minutes: 30 })) })
    const token = await apiTokenFor(owner)
    const since = hourAgo.toUTC().toISO()!
    const before = await list(client, token, { since })
    assert.equal(before.body().meta.total, 0)

    await EraseContact.handle({ actor: owner, contact, optOut: false })
    const after = await list(client, token, { since })

    assertMatchesApiDoc(after)
    assert.equal(after.body().meta.total, 1)
    assert.equal(after.body().data[0].body, '')
  })

  test('pages through the list as every other list does', async ({ client, assert }) => {
    const { owner, adaFirst, adaReply, benFirst } = await organizationWithTexts()
    const token = await apiTokenFor(owner)

    const first = await list(client, token, { perPage: 2 })
    const second = await list(client, token, { perPage: 2, page: 2 })
    const beyond = await list(client, token, { perPage: 2, page: 3 })

    for (const response of [first, second, beyond]) assertMatchesApiDoc(response)
    assert.deepEqual(idsOf(first), [adaReply.id, benFirst.id])
    assert.deepEqual(idsOf(second), [adaFirst.id])
    assert.deepEqual(idsOf(beyond), [])
    assert.deepEqual(second.body().meta, { total: 3, page: 2, perPage: 2 })
  })

  test('filters naming another organization’s records find nothing', async ({ client, assert }) => {
    const other = await organizationWithTexts()
    const owner = await createMember('owner')
    await createConversation(owner)
    const token = await apiTokenFor(owner)

    for (const query of [
      { contactId: other.ada.contact.id },
      { campaignId: other.ada.campaign.id },
      { conversationId: other.ada.conversation.id },
    ]) {
      const response = await list(client, token, query)
      response.assertStatus(200)
      assertMatchesApiDoc(response)
      assert.deepEqual(response.body(), { data: [], meta: { total: 0, page: 1, perPage: 50 } })
    }
    const all = await list(client, token)
    assert.equal(all.body().meta.total, 1)
  })

  test('invalid filters answer 422 naming the field', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const token = await apiTokenFor(owner)

    for (const [query, field] of [
      [{ direction: 'sideways' }, 'direction'],
      [{ status: 'lost' }, 'status'],
      [{ since: 'yesterday' }, 'since'],
      [{ since: '2026-13-01T00:00:00Z' }, 'since'],
      [{ contactId: 'ada' }, 'contactId'],
      [{ campaignId: 0 }, 'campaignId'],
      [{ conversationId: 1.5 }, 'conversationId'],
      [{ perPage: 501 }, 'perPage'],
      [{ page: 0 }, 'page'],
    ] as const) {
      const response = await list(client, token, query)
      response.assertStatus(422)
      assertMatchesApiDoc(response)
      assert.equal(response.body().errors[0].field, field, JSON.stringify(query))
    }
  })

  test('a supervisor may read the list; a texter may not', async ({ client, assert }) => {
    const { owner } = await organizationWithTexts()
    const supervisor = await createMember('supervisor', { organization: owner.organization })
    const texter = await createMember('texter', { organization: owner.organization })

    const allowed = await list(client, await apiTokenFor(supervisor))
    const refused = await list(client, await apiTokenFor(texter))

    allowed.assertStatus(200)
    assert.equal(allowed.body().meta.total, 3)
    refused.assertStatus(403)
    assertMatchesApiDoc(refused)
  })
})

test.group('API | messages | one message', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('answers one text in the list’s shape', async ({ client, assert }) => {
    const { owner, adaReply } = await organizationWithTexts()
    const token = await apiTokenFor(owner)

    const response = await client.get(`/api/v1/messages/${adaReply.id}`).bearerToken(token)
    const listed = await list(client, token, { direction: 'inbound' })

    response.assertStatus(200)
    assertMatchesApiDoc(response)
    assert.deepEqual(response.body(), listed.body().data[0])
  })

  test('another organization’s text, or none, is not found', async ({ client }) => {
    const { adaReply } = await organizationWithTexts()
    const stranger = await createMember('owner')
    const token = await apiTokenFor(stranger)

    for (const id of [adaReply.id, 999_999_999, 'nope']) {
      const response = await client.get(`/api/v1/messages/${id}`).bearerToken(token)
      response.assertStatus(404)
      assertMatchesApiDoc(response)
    }
  })

  test('a texter may not read a text', async ({ client }) => {
    const { owner, adaReply } = await organizationWithTexts()
    const texter = await createMember('texter', { organization: owner.organization })

    const response = await client
      .get(`/api/v1/messages/${adaReply.id}`)
      .bearerToken(await apiTokenFor(texter))

    response.assertStatus(403)
    assertMatchesApiDoc(response)
  })
})
