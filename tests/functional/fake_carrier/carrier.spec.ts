import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import ProviderAccount from '#models/provider_account'
import WebhookEvent from '#models/webhook_event'
import FakeCarrierMessage from '#models/fake_carrier_message'
import sms from '#services/sms'
import { appUrl } from '#config/app'
import { webhookUrls } from '#sms/webhook_urls'
import { E_SMS_SEND_FAILED } from '#sms/errors'
import { accountConfig } from '#services/provider_accounts/clients'
import { createMember } from '#tests/helpers/members'
import { actInProduction } from '#tests/helpers/messaging'
import { eventually, fakeAccount, PHONE, phoneMessages, SECRET, SENDER } from './helpers.js'

async function clientFor(account: ProviderAccount) {
  return sms.client(accountConfig(account))
}

async function sendFails(account: ProviderAccount, to: string) {
  const client = await clientFor(account)
  const error = await client.send({ to, from: SENDER, body: 'Hi', messageId: 1 }).catch((e) => e)
  if (!(error instanceof E_SMS_SEND_FAILED)) throw new Error(`Expected a failed send to ${to}`)
  return error.classified
}

async function webhookEventsFor(accountId: number, sid: string) {
  const events = await WebhookEvent.query().where('provider_account_id', accountId)
  return events.filter((event) => event.payload.includes(sid))
}

test.group('Fake carrier | sending', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a send lands on the fake phone, scoped to its organization and account', async ({
    assert,
  }) => {
    const owner = await createMember('owner')
    const account = await fakeAccount(owner.organizationId)
    const client = await clientFor(account)

    const result = await client.send({ to: PHONE, from: SENDER, body: 'Hi Ana!', messageId: 9 })

    assert.match(result.providerMessageId, /^FK[0-9a-f]{32}$/)
    assert.equal(result.status, 'queued')
    const [stored] = await phoneMessages(account.id)
    assert.containSubset(stored.serialize(), {
      organizationId: owner.organizationId,
      providerAccountId: account.id,
      sid: result.providerMessageId,
      direction: 'to_phone',
      phone: PHONE,
      sender: SENDER,
      body: 'Hi Ana!',
      status: 'queued',
    })
    assert.equal(await client.fetchStatus!(result.providerMessageId), 'queued')
    await client.verifyCredentials!()
  })

  test('a picture message keeps its links, on an instance served from localhost too', async ({
    assert,
  }) => {
    const owner = await createMember('owner')
    const account = await fakeAccount(owner.organizationId)
    const client = await clientFor(account)
    const links = [`${appUrl}/media/sent/1.2.abc`, 'http://localhost:3333/media/sent/2.3.def']

    await client.send({
      to: PHONE,
      from: SENDER,
      body: 'The flyer',
      mediaUrls: links,
      messageId: 3,
    })

    const [stored] = await phoneMessages(account.id)
    assert.deepEqual(stored.media, links)
    const refused = await client
      .send({
        to: PHONE,
        from: SENDER,
        body: 'Hi',
        mediaUrls: ['file:///etc/passwd'],
        messageId: 4,
      })
      .catch((e) => e)
    assert.containSubset(refused.classified, { errorClass: 'configuration' })
  })

  test('a wrong signing secret is a configuration failure', async ({ assert }) => {
    const owner = await createMember('owner')
    const account = await fakeAccount(owner.organizationId)
    const client = await sms.client({
      ...accountConfig(account),
      credentials: { signingSecret: 'not-the-secret-of-this-account' },
    })
    const error = await client
      .send({ to: PHONE, from: SENDER, body: 'Hi', messageId: 1 })
      .catch((e) => e)
    assert.containSubset(error.classified, { errorClass: 'configuration', code: 'unauthorized' })
    assert.lengthOf(await phoneMessages(account.id), 0)
  })

  test('another provider’s account is unknown to the carrier', async ({ assert }) => {
    const owner = await createMember('owner')
    const twilio = await ProviderAccount.create({
      organizationId: owner.organizationId,
      provider: 'twilio',
      name: 'Twilio',
      credentials: { signingSecret: SECRET },
      settings: {},
      status: 'active',
    })
    const response = await fetch(`${appUrl}/fake-carrier/accounts/${twilio.id}/messages`, {
      method: 'POST',
      headers: { 'authorization': `Bearer ${SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ to: PHONE, from: SENDER, body: 'Hi' }),
    })
    assert.equal(response.status, 404)
    assert.deepEqual(await response.json(), {
      error: { code: 'unknown_account', message: 'No fake carrier account with this id' },
    })
  })

  test('a malformed send is refused with the field at fault', async ({ assert }) => {
    const owner = await createMember('owner')
    const account = await fakeAccount(owner.organizationId)
    const classified = await sendFails(account, '555-0123')
    assert.equal(classified.code, 'invalid_request')
    assert.include(classified.message, 'to')
  })

  test('test numbers fail the way real carriers do', async ({ assert }) => {
    const owner = await createMember('owner')
    const account = await fakeAccount(owner.organizationId)
    assert.containSubset(await sendFails(account, '+12015550101'), {
      errorClass: 'recipient',
      kind: 'landline',
    })
    assert.containSubset(await sendFails(account, '+12015550102'), {
      errorClass: 'recipient',
      kind: 'invalid',
    })
    assert.containSubset(await sendFails(account, '+12015550103'), {
      errorClass: 'recipient',
      kind: 'opted_out',
    })
    assert.containSubset(await sendFails(account, '+12015550104'), {
      errorClass: 'transient',
      kind: 'rate_limited',
      retryAfter: 1,
    })
    assert.lengthOf(await FakeCarrierMessage.query().where('provider_account_id', account.id), 0)
  })

  test('the carrier is off in production unless the account is in demo mode', async ({
    assert,
    cleanup,
  }) => {
    actInProduction(cleanup)
    const owner = await createMember('owner')
    const plain = await fakeAccount(owner.organizationId)
    assert.containSubset(await sendFails(plain, PHONE), {
      errorClass: 'configuration',
      code: 'carrier_disabled',
    })

    const demo = await fakeAccount(owner.organizationId, { demoMode: 'true' })
    const client = await clientFor(demo)
    const result = await client.send({ to: PHONE, from: SENDER, body: 'Demo', messageId: 1 })
    assert.equal(result.status, 'queued')
  })
})

test.group('Fake carrier | callbacks', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('delivery is reported to the app as a signed status webhook', async ({ assert }) => {
    const owner = await createMember('owner')
    const account = await fakeAccount(owner.organizationId, { deliveryDelayMs: 0 })
    const client = await clientFor(account)

    const { providerMessageId } = await client.send({
      to: PHONE,
      from: SENDER,
      body: 'Hi',
      messageId: 1,
    })

    const [event] = await eventually(async () => {
      const events = await webhookEventsFor(account.id, providerMessageId)
      return events.length ? events : null
    })
    const stored = JSON.parse(event.payload)
    assert.equal(stored.url, webhookUrls('fake', account.id).status)
    assert.containSubset(stored.event, { type: 'status', providerMessageId, status: 'delivered' })
    assert.equal(await client.fetchStatus!(providerMessageId), 'delivered')
  })

  test('a delivery-failure number reports the failure and its reason', async ({ assert }) => {
    const owner = await createMember('owner')
    const account = await fakeAccount(owner.organizationId, { deliveryDelayMs: 0 })
    const client = await clientFor(account)

    const { providerMessageId } = await client.send({
      to: '+12015550106',
      from: SENDER,
      body: 'Hi',
      messageId: 1,
    })

    const [event] = await eventually(async () => {
      const events = await webhookEventsFor(account.id, providerMessageId)
      return events.length ? events : null
    })
    assert.containSubset(JSON.parse(event.payload).event, {
      status: 'failed',
      error: { errorClass: 'recipient', kind: 'landline', code: 'landline' },
    })
    const [stored] = await phoneMessages(account.id, '+12015550106')
    assert.equal(stored.errorCode, 'landline')
  })

  test('simulated replies arrive as signed inbound webhooks when the account asks', async ({
    assert,
  }) => {
    const owner = await createMember('owner')
    const account = await fakeAccount(owner.organizationId, {
      deliveryDelayMs: 0,
      replyRate: '1',
      replyDelayMs: 0,
      replyText: 'Who is this?',
    })
    const client = await clientFor(account)
    await client.send({ to: PHONE, from: SENDER, body: 'Hi', messageId: 1 })

    const reply = await eventually(() =>
      phoneMessages(account.id).where('direction', 'from_phone').where('status', 'received').first()
    )
    assert.containSubset(reply.serialize(), { body: 'Who is this?', sender: SENDER, phone: PHONE })
    const [event] = await webhookEventsFor(account.id, reply.sid)
    assert.containSubset(JSON.parse(event.payload).event, {
      type: 'inbound',
      from: PHONE,
      to: SENDER,
      body: 'Who is this?',
    })
  })
})
