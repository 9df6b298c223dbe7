import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Message from '#models/message'
import OptOut from '#models/opt_out'
import WebhookEvent from '#models/webhook_event'
import ProviderAccount from '#models/provider_account'
import { appUrl } from '#config/app'
import { twilioSignature } from '#plugins/twilio/signature'
import { forgetAccount } from '#services/provider_accounts/clients'
import webhookProcessor from '#services/webhooks/processor'
import { createMember } from '#tests/helpers/members'
import { ACCOUNT_SID, AUTH_TOKEN, form, inboundSms } from '#tests/fixtures/twilio/payloads'
import {
  messageFinalized,
  messageReceived,
  telnyxKeyPair,
  telnyxSignature,
} from '#tests/fixtures/telnyx/payloads'

async function accountOf(provider: string, credentials: Record<string, string>) {
  const owner = await createMember('owner')
  const account = await ProviderAccount.create({
    organizationId: owner.organizationId,
    provider,
    name: provider,
    credentials,
    settings: {},
    status: 'active',
    statusReason: null,
  })
  forgetAccount(account.id)
  return account
}

async function post(path: string, body: string, headers: Record<string, string>) {
  const response = await fetch(`${appUrl}${path}`, { method: 'POST', headers, body })
  await webhookProcessor.idle()
  return response.status
}

test.group('Webhooks | Twilio', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('signed over APP_URL, whatever Host and scheme the proxy passed on', async ({ assert }) => {
    const account = await accountOf('twilio', { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN })
    const path = `/webhooks/twilio/${account.id}/inbound?campaign=spring`
    const params = inboundSms()
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      // What a reverse proxy in front of the app forwards.
      'host': 'internal-app:3333',
      'x-forwarded-proto': 'http',
    }

    const signedForHost = twilioSignature(
      AUTH_TOKEN,
      `http://internal-app:3333${path}`,
      new URLSearchParams(params)
    )
    assert.equal(
      await post(path, form(params), { ...headers, 'x-twilio-signature': signedForHost }),
      403
    )

    const signed = twilioSignature(AUTH_TOKEN, `${appUrl}${path}`, new URLSearchParams(params))
    assert.equal(await post(path, form(params), { ...headers, 'x-twilio-signature': signed }), 204)
    const message = await Message.query()
      .where('provider_message_id', params.MessageSid)
      .firstOrFail()
    assert.containSubset(message.serialize(), {
      organizationId: account.organizationId,
      body: 'Yes, count me in!',
      from: '+12025550123',
      to: '+12025550100',
    })

    // One byte changed after signing: refused.
    const tampered = form({ ...params, Body: 'Yes, count me in!!' })
    assert.equal(await post(path, tampered, { ...headers, 'x-twilio-signature': signed }), 403)
  })

  test('a STOP Twilio already answered is recorded without a second confirmation', async ({
    assert,
  }) => {
    const account = await accountOf('twilio', { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN })
    const path = `/webhooks/twilio/${account.id}`
    const params = inboundSms({ Body: 'STOP', OptOutType: 'STOP' })
    const signature = twilioSignature(AUTH_TOKEN, `${appUrl}${path}`, new URLSearchParams(params))

    const status = await post(path, form(params), {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signature,
    })

    assert.equal(status, 204)
    await OptOut.query().where('phone', '+12025550123').firstOrFail()
    assert.lengthOf(await Message.query().where('direction', 'outbound'), 0)
  })
})

test.group('Webhooks | Telnyx', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an Ed25519-signed event is accepted once; a stale one is refused', async ({ assert }) => {
    const { publicKeyBase64, privateKey } = telnyxKeyPair()
    const account = await accountOf('telnyx', { apiKey: 'KEY0123', publicKey: publicKeyBase64 })
    const path = `/webhooks/telnyx/${account.id}/inbound`
    const raw = JSON.stringify(messageReceived())
    const signedAt = (seconds: number) => {
      const timestamp = String(seconds)
      return {
        'content-type': 'application/json',
        'telnyx-timestamp': timestamp,
        'telnyx-signature-ed25519': telnyxSignature(privateKey, timestamp, raw),
      }
    }
    const now = Math.floor(Date.now() / 1000)

    assert.equal(await post(path, raw, signedAt(now - 600)), 403)
    assert.lengthOf(await WebhookEvent.all(), 0)

    assert.equal(await post(path, raw, signedAt(now)), 204)
    assert.equal(await post(path, raw, signedAt(now + 1)), 204)
    const messages = await Message.query().where('organization_id', account.organizationId)
    assert.lengthOf(messages, 1)
    assert.equal(messages[0].body, 'Yes, count me in!')
  })

  test('a final delivery report moves the sent text to delivered', async ({ assert }) => {
    const { publicKeyBase64, privateKey } = telnyxKeyPair()
    const account = await accountOf('telnyx', { apiKey: 'KEY0123', publicKey: publicKeyBase64 })
    const report = messageFinalized('delivered')
    const message = await Message.create({
      organizationId: account.organizationId,
      providerAccountId: account.id,
      direction: 'outbound',
      body: report.data.payload.text,
      media: [],
      from: '+12025550100',
      to: '+12025550123',
      status: 'sent',
      providerMessageId: report.data.payload.id,
      attempts: 1,
    })
    const raw = JSON.stringify(report)
    const timestamp = String(Math.floor(Date.now() / 1000))

    const status = await post(`/webhooks/telnyx/${account.id}/status`, raw, {
      'content-type': 'application/json',
      'telnyx-timestamp': timestamp,
      'telnyx-signature-ed25519': telnyxSignature(privateKey, timestamp, raw),
    })

    assert.equal(status, 204)
    await message.refresh()
    assert.equal(message.status, 'delivered')
  })
})
