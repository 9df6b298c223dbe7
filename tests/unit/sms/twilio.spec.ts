import { test } from '@japa/runner'
import { isValidTwilioSignature, twilioSignature, urlVariants } from '#plugins/twilio/signature'
import { parseTwilioWebhook } from '#plugins/twilio/webhook'
import { classifyTwilioError } from '#plugins/twilio/errors'
import twilioPlugin from '#plugins/twilio/index'
import { form, inboundMms, inboundSms, statusCallback } from '#tests/fixtures/twilio/payloads'

const VECTOR_URL = 'https://mycompany.com/myapp.php?foo=1&bar=2'
const VECTOR_PARAMS = new URLSearchParams({
  CallSid: 'CA1234567890ABCDE',
  Caller: '+14158675309',
  Digits: '1234',
  From: '+14158675309',
  To: '+18005551212',
})

function webhook(rawBody: string) {
  return {
    url: 'https://x.example/webhooks/twilio/1',
    method: 'POST',
    headers: {},
    rawBody,
    body: {},
  }
}

test.group('Twilio plugin | signature', () => {
  test('matches the published test vector', ({ assert }) => {
    assert.equal(
      twilioSignature('12345', VECTOR_URL, VECTOR_PARAMS),
      'RSOYDt4T1cUTdK1PDd93/VVr8B8='
    )
    assert.isTrue(
      isValidTwilioSignature(
        '12345',
        VECTOR_URL,
        VECTOR_PARAMS.toString(),
        'RSOYDt4T1cUTdK1PDd93/VVr8B8='
      )
    )
  })

  test('does not depend on the order the parameters arrive in', ({ assert }) => {
    const shuffled = new URLSearchParams([...VECTOR_PARAMS].reverse()).toString()
    assert.isTrue(
      isValidTwilioSignature('12345', VECTOR_URL, shuffled, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=')
    )
  })

  test('refuses another token, another URL, a changed parameter or no signature', ({ assert }) => {
    const raw = VECTOR_PARAMS.toString()
    const good = 'RSOYDt4T1cUTdK1PDd93/VVr8B8='
    assert.isFalse(isValidTwilioSignature('54321', VECTOR_URL, raw, good))
    assert.isFalse(isValidTwilioSignature('12345', `${VECTOR_URL}&baz=3`, raw, good))
    assert.isFalse(isValidTwilioSignature('12345', VECTOR_URL, raw.replace('1234&', '4321&'), good))
    assert.isFalse(isValidTwilioSignature('12345', VECTOR_URL, raw, undefined))
    assert.isFalse(isValidTwilioSignature('', VECTOR_URL, raw, good))
  })

  test('accepts the URL with or without its default port', ({ assert }) => {
    const raw = VECTOR_PARAMS.toString()
    const withPort = twilioSignature(
      '12345',
      'https://mycompany.com:443/myapp.php?foo=1&bar=2',
      VECTOR_PARAMS
    )
    assert.isTrue(isValidTwilioSignature('12345', VECTOR_URL, raw, withPort))
    assert.isTrue(
      isValidTwilioSignature(
        '12345',
        'https://mycompany.com:443/myapp.php?foo=1&bar=2',
        raw,
        'RSOYDt4T1cUTdK1PDd93/VVr8B8='
      )
    )
  })

  test('tries default ports only', ({ assert }) => {
    assert.deepEqual(urlVariants('http://a.example/x'), [
      'http://a.example/x',
      'http://a.example:80/x',
    ])
    assert.deepEqual(urlVariants('https://a.example:443/x?y=1'), [
      'https://a.example:443/x?y=1',
      'https://a.example/x?y=1',
    ])
    assert.deepEqual(urlVariants('https://a.example:8443/x'), ['https://a.example:8443/x'])
  })

  test('signs each value of a repeated parameter, sorted', ({ assert }) => {
    const params = new URLSearchParams([
      ['MediaUrl', 'https://b'],
      ['MediaUrl', 'https://a'],
      ['Body', 'hi'],
    ])
    const reordered = new URLSearchParams([
      ['Body', 'hi'],
      ['MediaUrl', 'https://a'],
      ['MediaUrl', 'https://b'],
    ])
    assert.equal(
      twilioSignature('t', 'https://x', params),
      twilioSignature('t', 'https://x', reordered)
    )
  })
})

test.group('Twilio plugin | webhooks', () => {
  test('parse an inbound text', ({ assert }) => {
    assert.deepEqual(parseTwilioWebhook(webhook(form(inboundSms()))), [
      {
        type: 'inbound',
        providerMessageId: 'SM7b9f1c1a2d3e4f5a6b7c8d9e0f1a2b3c',
        from: '+12025550123',
        to: '+12025550100',
        body: 'Yes, count me in!',
        mediaUrls: [],
        optOutType: undefined,
      },
    ])
  })

  test('parse MMS media in order', ({ assert }) => {
    const [event] = parseTwilioWebhook(webhook(form(inboundMms())))
    assert.deepEqual(event.type === 'inbound' && event.mediaUrls, [
      'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1',
      'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2',
    ])
  })

  test('carry the opt-out type Twilio recognised', ({ assert }) => {
    for (const [type, expected] of [
      ['STOP', 'stop'],
      ['START', 'start'],
      ['HELP', 'help'],
    ]) {
      const [event] = parseTwilioWebhook(webhook(form(inboundSms({ OptOutType: type }))))
      assert.equal(event.type === 'inbound' && event.optOutType, expected)
    }
  })

  test('parse a status callback and classify its error code', ({ assert }) => {
    const [event] = parseTwilioWebhook(
      webhook(form(statusCallback({ MessageStatus: 'undelivered', ErrorCode: '30007' })))
    )
    assert.containSubset(event, {
      type: 'status',
      providerMessageId: 'SM1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c',
      status: 'undelivered',
      error: { errorClass: 'recipient', kind: 'filtered', code: '30007' },
    })
  })

  test('map Twilio statuses onto the core five', ({ assert }) => {
    const statusOf = (MessageStatus: string) =>
      parseTwilioWebhook(webhook(form(statusCallback({ MessageStatus }))))[0]
    assert.containSubset(statusOf('sending'), { status: 'queued' })
    assert.containSubset(statusOf('sent'), { status: 'sent' })
    assert.containSubset(statusOf('read'), { status: 'delivered' })
    assert.containSubset(statusOf('failed'), { status: 'failed' })
    assert.containSubset(statusOf('canceled'), { status: 'failed' })
  })

  test('ignore requests that are not about a message', ({ assert }) => {
    assert.deepEqual(parseTwilioWebhook(webhook('CallSid=CA1&CallStatus=ringing')), [])
    assert.deepEqual(
      parseTwilioWebhook(webhook(form(statusCallback({ MessageStatus: 'brand-new' })))),
      []
    )
  })
})

test.group('Twilio plugin | errors', () => {
  test('classify REST errors by code, then by HTTP status', ({ assert }) => {
    assert.containSubset(
      classifyTwilioError({ status: 400, code: 21610, message: 'Unsubscribed' }),
      {
        errorClass: 'recipient',
        kind: 'opted_out',
        code: '21610',
        message: 'Unsubscribed',
      }
    )
    assert.containSubset(classifyTwilioError({ status: 400, code: 21999 }), {
      errorClass: 'recipient',
      kind: 'other',
    })
    assert.containSubset(classifyTwilioError({ status: 403, code: 20008 }), {
      errorClass: 'configuration',
    })
    assert.containSubset(classifyTwilioError({ status: 500 }), { errorClass: 'transient' })
    assert.containSubset(classifyTwilioError({ code: 'ETIMEDOUT', message: 'timeout' }), {
      errorClass: 'transient',
      code: 'ETIMEDOUT',
    })
  })
})

test.group('Twilio plugin | client', () => {
  test('a malformed account SID is a configuration error, not a crash', async ({ assert }) => {
    const client = twilioPlugin.createClient({
      pluginId: 'twilio',
      accountId: 1,
      credentials: { accountSid: 'SK123', authToken: 'token' },
      settings: {},
      webhookUrls: { inbound: 'https://x/in', status: 'https://x/status' },
    })
    const error = await client
      .send({ to: '+12025550123', body: 'Hi', messageId: 1 })
      .catch((e) => e)
    assert.containSubset(client.classifyError(error), {
      errorClass: 'configuration',
      code: 'invalid_account_sid',
    })
  })
})
