import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Message from '#models/message'
import WebhookEvent from '#models/webhook_event'
import Contact from '#models/contact'
import OptOut from '#models/opt_out'
import { appUrl } from '#config/app'
import { createMember } from '#tests/helpers/members'
import { createContact } from '#tests/helpers/contacts'
import {
  createFakeAccount,
  fakeInbound,
  fakeStatus,
  FAKE_SECRET,
  postFakeWebhook,
  SENDER,
} from '#tests/helpers/messaging'

async function countAll() {
  const [messages, events, contacts] = await Promise.all([
    Message.query().count('* as total'),
    WebhookEvent.query().count('* as total'),
    Contact.query().count('* as total'),
  ])
  return [messages, events, contacts].map((rows) => Number(rows[0].$extras.total))
}

async function sentMessage(organizationId: number, accountId: number, providerMessageId: string) {
  return Message.create({
    organizationId,
    providerAccountId: accountId,
    direction: 'outbound',
    body: 'Hi, this is Porchlight',
    media: [],
    from: SENDER,
    to: '+12025550123',
    status: 'sent',
    providerMessageId,
    attempts: 1,
  })
}

test.group('Webhooks | signatures', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a signed inbound text is stored raw, answered 204 and recorded on the contact', async ({
    assert,
  }) => {
    const owner = await createMember('owner')
    const account = await createFakeAccount(owner.organizationId)
    const contact = await createContact(owner.organizationId)
    const payload = fakeInbound(contact.phone, 'Count me in!')

    const response = await postFakeWebhook(account, payload)

    assert.equal(response.status, 204)
    const event = await WebhookEvent.query().where('provider_account_id', account.id).firstOrFail()
    assert.equal(event.status, 'processed')
    assert.equal(event.dedupeKey, `inbound:${payload.id}`)
    assert.equal(JSON.parse(event.payload).rawBody, JSON.stringify(payload))
    const message = await Message.query().where('provider_message_id', payload.id).firstOrFail()
    assert.containSubset(message.serialize(), {
      organizationId: owner.organizationId,
      contactId: contact.id,
      direction: 'inbound',
      status: 'received',
      body: 'Count me in!',
      from: contact.phone,
      to: SENDER,
      intent: null,
    })
  })

  test('one URL serves both kinds: the kind suffix is optional', async ({ assert }) => {
    const owner = await createMember('owner')
    const account = await createFakeAccount(owner.organizationId)
    const payload = fakeInbound('+12025550177', 'hello')
    const raw = JSON.stringify(payload)
    const { signedHeaders } = await import('#services/fake_carrier/signature')

    const response = await fetch(`${appUrl}/webhooks/fake/${account.id}`, {
      method: 'POST',
      headers: signedHeaders(FAKE_SECRET, raw),
      body: raw,
    })
    const { default: processor } = await import('#services/webhooks/processor')
    await processor.idle()

    assert.equal(response.status, 204)
    await Message.query().where('provider_message_id', payload.id).firstOrFail()
  })

  test('a {$self} request is refused with 403 and changes nothing')
    .with(['forged', 'stale', 'tampered'] as const)
    .run(async ({ assert }, kind) => {
      const owner = await createMember('owner')
      const account = await createFakeAccount(owner.organizationId)
      const payload = fakeInbound('+12025550123', 'STOP')
      const before = await countAll()

      const response = await postFakeWebhook(
        account,
        payload,
        {
          forged: { secret: 'not-the-secret-at-all-0123456789' },
          stale: { now: Date.now() - 10 * 60 * 1000 },
          tampered: { body: JSON.stringify({ ...payload, body: 'START' }) },
        }[kind]
      )

      assert.equal(response.status, 403)
      assert.deepEqual(await countAll(), before)
      assert.isNull(await OptOut.query().where('phone', '+12025550123').first())
    })

  test('an account of another provider, or none, is a 404', async ({ assert }) => {
    const owner = await createMember('owner')
    const account = await createFakeAccount(owner.organizationId)
    const raw = JSON.stringify(fakeInbound('+12025550123', 'hi'))

    for (const path of [
      `/webhooks/twilio/${account.id}/inbound`,
      `/webhooks/fake/999999/inbound`,
    ]) {
      const response = await fetch(`${appUrl}${path}`, { method: 'POST', body: raw })
      assert.equal(response.status, 404, path)
    }
    const [, events] = await countAll()
    assert.equal(events, 0)
  })
})

test.group('Webhooks | repeats and order', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a repeated delivery changes nothing the second time', async ({ assert }) => {
    const owner = await createMember('owner')
    const account = await createFakeAccount(owner.organizationId)
    const payload = fakeInbound('+12025550140', 'Who is this?')

    const first = await postFakeWebhook(account, payload)
    const before = await countAll()
    const second = await postFakeWebhook(account, payload)

    assert.equal(first.status, 204)
    assert.equal(second.status, 204)
    assert.deepEqual(await countAll(), before)
    assert.lengthOf(await Message.query().where('provider_message_id', payload.id), 1)
  })

  test('statuses only move forward: a late "sent" never overwrites "delivered"', async ({
    assert,
  }) => {
    const owner = await createMember('owner')
    const account = await createFakeAccount(owner.organizationId)
    const message = await sentMessage(owner.organizationId, account.id, 'FKout1')

    await postFakeWebhook(account, fakeStatus('FKout1', 'delivered'), { kind: 'status' })
    await postFakeWebhook(account, fakeStatus('FKout1', 'sent'), { kind: 'status' })
    await postFakeWebhook(account, fakeStatus('FKout1', 'failed'), { kind: 'status' })

    await message.refresh()
    assert.equal(message.status, 'delivered')
    assert.isNotNull(message.deliveredAt)
    const events = await WebhookEvent.query().where('provider_account_id', account.id)
    assert.lengthOf(events, 3)
    assert.isTrue(events.every((event) => event.status === 'processed'))
  })

  test('a failure report records the error and what it says about the recipient', async ({
    assert,
  }) => {
    const owner = await createMember('owner')
    const account = await createFakeAccount(owner.organizationId)
    const contact = await createContact(owner.organizationId, { phone: '+12025550106' })
    const message = await sentMessage(owner.organizationId, account.id, 'FKout2')
    message.merge({ contactId: contact.id, to: contact.phone })
    await message.save()

    await postFakeWebhook(
      account,
      fakeStatus('FKout2', 'failed', { code: 'landline', message: 'A landline' }),
      { kind: 'status' }
    )

    await message.refresh()
    await contact.refresh()
    assert.containSubset(message.serialize(), {
      status: 'failed',
      errorCode: 'landline',
      errorClass: 'recipient',
    })
    assert.equal(contact.undeliverableReason, 'landline')
  })

  test('a status that outruns our record of the send waits for the sweep', async ({ assert }) => {
    const owner = await createMember('owner')
    const account = await createFakeAccount(owner.organizationId)

    await postFakeWebhook(account, fakeStatus('FKlater', 'delivered'), { kind: 'status' })
    const event = await WebhookEvent.query().where('provider_account_id', account.id).firstOrFail()
    assert.equal(event.status, 'pending')

    const message = await sentMessage(owner.organizationId, account.id, 'FKlater')
    const { default: processor } = await import('#services/webhooks/processor')
    await processor.process({
      id: event.id,
      accountId: account.id,
      event: JSON.parse(event.payload).event,
    })

    await message.refresh()
    await event.refresh()
    assert.equal(message.status, 'delivered')
    assert.equal(event.status, 'processed')
  })
})
