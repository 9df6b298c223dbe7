import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import FakeCarrierMessage from '#models/fake_carrier_message'
import WebhookEvent from '#models/webhook_event'
import type ProviderAccount from '#models/provider_account'
import { createMember } from '#tests/helpers/members'
import { inertiaPage } from '#tests/helpers/inertia'
import { asMember, fieldErrors } from '#tests/helpers/web'
import { fakeAccount, PHONE, phoneMessages, SENDER } from './helpers.js'
import { urlFor } from '@adonisjs/core/services/url_builder'

async function received(account: ProviderAccount, phone: string, body: string) {
  return FakeCarrierMessage.create({
    organizationId: account.organizationId,
    providerAccountId: account.id,
    sid: `FK${Math.random().toString(16).slice(2).padEnd(32, '0')}`,
    direction: 'to_phone',
    phone,
    sender: SENDER,
    body,
    media: [],
    status: 'delivered',
    errorCode: null,
  })
}

test.group('Phones page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const role of ['texter', 'supervisor'] as const) {
    test(`a ${role} cannot open it`, async ({ client }) => {
      const member = await createMember(role)
      await fakeAccount(member.organizationId)
      const response = await asMember(client.get(urlFor('phones.index')), member)
      response.assertStatus(403)
    })
  }

  test('an admin sees the phones of their own organization, latest conversation first', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const account = await fakeAccount(admin.organizationId)
    await received(account, PHONE, 'First')
    await received(account, '+12025550124', 'Hello Bo')
    await received(account, PHONE, 'Second')
    const stranger = await createMember('owner')
    const theirs = await fakeAccount(stranger.organizationId)
    await received(theirs, '+12025550999', 'Not yours')

    const response = await asMember(client.get(urlFor('phones.index')), admin)

    response.assertStatus(200)
    const { component, props } = inertiaPage(response)
    assert.equal(component, 'phones/index')
    assert.deepEqual(props.accounts, [{ id: account.id, name: 'Fake carrier' }])
    assert.deepEqual(props.account.senders, [SENDER])
    assert.deepEqual(
      props.phones.map((row: { phone: string; texts: number; lastBody: string }) => [
        row.phone,
        row.texts,
        row.lastBody,
      ]),
      [
        [PHONE, 2, 'Second'],
        ['+12025550124', 1, 'Hello Bo'],
      ]
    )
    assert.includeMembers(
      props.magicNumbers.map((magic: { phone: string }) => magic.phone),
      ['+12015550101', '+12015550102', '+12015550103']
    )
  })

  test('a phone’s thread lists its texts in order', async ({ client, assert }) => {
    const admin = await createMember('admin')
    const account = await fakeAccount(admin.organizationId)
    await received(account, PHONE, 'One')
    await received(account, PHONE, 'Two')

    const response = await asMember(
      client.get(urlFor('phones.show', { accountId: account.id, phone: PHONE })),
      admin
    )

    const { component, props } = inertiaPage(response)
    assert.equal(component, 'phones/show')
    assert.equal(props.phone, PHONE)
    assert.deepEqual(props.senders, [SENDER])
    assert.deepEqual(
      props.messages.map((message: { body: string }) => message.body),
      ['One', 'Two']
    )
  })

  test('another organization’s account is not found', async ({ client }) => {
    const admin = await createMember('admin')
    const stranger = await createMember('owner')
    const theirs = await fakeAccount(stranger.organizationId)
    await received(theirs, PHONE, 'Private')

    const thread = await asMember(
      client.get(urlFor('phones.show', { accountId: theirs.id, phone: PHONE })),
      admin
    )
    thread.assertStatus(404)
    const reply = await asMember(
      client.post(urlFor('phones.store', { accountId: theirs.id })),
      admin
    ).form({
      phone: PHONE,
      to: SENDER,
      body: 'Hijack',
    })
    reply.assertStatus(404)
  })

  test('a reply reaches the app as a signed inbound webhook', async ({ client, assert }) => {
    const admin = await createMember('admin')
    const account = await fakeAccount(admin.organizationId)
    await received(account, PHONE, 'Can you volunteer Saturday?')

    const response = await asMember(
      client.post(urlFor('phones.store', { accountId: account.id })),
      admin
    ).form({
      phone: PHONE,
      to: SENDER,
      body: 'Yes, I can!',
    })

    response.assertStatus(302)
    assert.equal(response.header('location'), `/phones/${account.id}/${encodeURIComponent(PHONE)}`)
    const reply = await phoneMessages(account.id).where('direction', 'from_phone').firstOrFail()
    assert.containSubset(reply.serialize(), {
      body: 'Yes, I can!',
      status: 'received',
      sender: SENDER,
    })
    const events = await WebhookEvent.query().where('provider_account_id', account.id)
    assert.lengthOf(events, 1)
    assert.containSubset(JSON.parse(events[0].payload).event, {
      type: 'inbound',
      providerMessageId: reply.sid,
      from: PHONE,
      to: SENDER,
      body: 'Yes, I can!',
    })
  })

  test('an empty reply or a malformed number is refused', async ({ client, assert }) => {
    const admin = await createMember('admin')
    const account = await fakeAccount(admin.organizationId)

    const response = await asMember(
      client.post(urlFor('phones.store', { accountId: account.id })),
      admin
    ).form({
      phone: '12345',
      to: SENDER,
      body: '  ',
    })

    response.assertStatus(302)
    assert.properties(fieldErrors(response), ['phone', 'body'])
    assert.lengthOf(await FakeCarrierMessage.query().where('provider_account_id', account.id), 0)
  })
})
