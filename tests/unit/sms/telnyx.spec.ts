import { test } from '@japa/runner'
import { isValidTelnyxSignature, telnyxPublicKey } from '#plugins/telnyx/signature'
import { parseTelnyxWebhook } from '#plugins/telnyx/webhook'
import { classifyTelnyxError } from '#plugins/telnyx/errors'
import {
  messageFinalized,
  messageReceived,
  telnyxKeyPair,
  telnyxSignature,
} from '#tests/fixtures/telnyx/payloads'

function webhook(body: object) {
  return {
    url: 'https://x.example/webhooks/telnyx/1',
    method: 'POST',
    headers: {},
    rawBody: JSON.stringify(body),
    body: {},
  }
}

test.group('Telnyx plugin | signature', () => {
  const { publicKeyBase64, privateKey } = telnyxKeyPair()
  const key = telnyxPublicKey(publicKeyBase64)
  const rawBody = JSON.stringify(messageReceived())
  const now = Date.now()
  const timestamp = String(Math.floor(now / 1000))

  test('verify Ed25519 over timestamp|body with the raw public key', ({ assert }) => {
    const signature = telnyxSignature(privateKey, timestamp, rawBody)
    assert.isTrue(isValidTelnyxSignature(key, timestamp, signature, rawBody, now))
  })

  test('refuse a changed body, timestamp or key', ({ assert }) => {
    const signature = telnyxSignature(privateKey, timestamp, rawBody)
    assert.isFalse(
      isValidTelnyxSignature(key, timestamp, signature, rawBody.replace('Yes', 'No'), now)
    )
    assert.isFalse(
      isValidTelnyxSignature(key, String(Number(timestamp) - 1), signature, rawBody, now)
    )
    const other = telnyxPublicKey(telnyxKeyPair().publicKeyBase64)
    assert.isFalse(isValidTelnyxSignature(other, timestamp, signature, rawBody, now))
  })

  test('refuse a timestamp more than 300 seconds away', ({ assert }) => {
    const signedAt = (seconds: number) => String(Math.floor(now / 1000) + seconds)
    for (const [offset, accepted] of [
      [-299, true],
      [-301, false],
      [299, true],
      [301, false],
    ] as const) {
      const at = signedAt(offset)
      const signature = telnyxSignature(privateKey, at, rawBody)
      assert.equal(isValidTelnyxSignature(key, at, signature, rawBody, now), accepted, `${offset}s`)
    }
  })

  test('refuse malformed keys, signatures and timestamps', ({ assert }) => {
    assert.isNull(telnyxPublicKey(undefined))
    assert.isNull(telnyxPublicKey('c2hvcnQ='))
    assert.isNull(telnyxPublicKey(Buffer.alloc(33).toString('base64')))
    const signature = telnyxSignature(privateKey, timestamp, rawBody)
    assert.isFalse(isValidTelnyxSignature(null, timestamp, signature, rawBody, now))
    assert.isFalse(isValidTelnyxSignature(key, 'yesterday', signature, rawBody, now))
    assert.isFalse(isValidTelnyxSignature(key, timestamp, 'bm90IGEgc2lnbmF0dXJl', rawBody, now))
    assert.isFalse(isValidTelnyxSignature(key, undefined, signature, rawBody, now))
  })
})

test.group('Telnyx plugin | webhooks', () => {
  test('parse message.received', ({ assert }) => {
    const media = [{ url: 'https://media.telnyx.example/a.jpg' }]
    assert.deepEqual(parseTelnyxWebhook(webhook(messageReceived({ media }))), [
      {
        type: 'inbound',
        providerMessageId: '84cca175-9755-4859-b67f-4730d7f58aa3',
        from: '+12025550123',
        to: '+12025550100',
        body: 'Yes, count me in!',
        mediaUrls: ['https://media.telnyx.example/a.jpg'],
        receivedAt: new Date('2026-11-20T15:04:05.123+00:00'),
      },
    ])
  })

  test('parse message.finalized with its errors classified', ({ assert }) => {
    const body = messageFinalized('delivery_failed', [
      { code: '40300', title: 'Blocked due to STOP message', detail: 'Recipient opted out' },
    ])
    const [event] = parseTelnyxWebhook(webhook(body))
    assert.containSubset(event, {
      type: 'status',
      providerMessageId: '40385f64-5717-4562-b3fc-2c963f66afa6',
      status: 'undelivered',
      error: {
        errorClass: 'recipient',
        kind: 'opted_out',
        code: '40300',
        message: 'Recipient opted out',
      },
    })
  })

  test('map the recipient status of to[0]', ({ assert }) => {
    const statusOf = (status: string) => parseTelnyxWebhook(webhook(messageFinalized(status)))[0]
    assert.containSubset(statusOf('delivered'), { status: 'delivered' })
    assert.containSubset(statusOf('sending_failed'), { status: 'failed' })
    assert.containSubset(statusOf('delivery_unconfirmed'), { status: 'sent' })
    assert.deepEqual(parseTelnyxWebhook(webhook(messageFinalized('mystery'))), [])
  })

  test('ignore other event types', ({ assert }) => {
    const body = messageReceived()
    body.data.event_type = 'call.initiated'
    assert.deepEqual(parseTelnyxWebhook(webhook(body)), [])
    assert.deepEqual(parseTelnyxWebhook(webhook({ data: {} })), [])
  })
})

test.group('Telnyx plugin | errors', () => {
  test('read the code from an API error body, and the retry delay from its headers', ({
    assert,
  }) => {
    const error = {
      status: 429,
      headers: new Headers({ 'retry-after': '7' }),
      error: { errors: [{ code: '40011', title: 'Too many requests' }] },
    }
    assert.deepEqual(classifyTelnyxError(error), {
      errorClass: 'transient',
      kind: 'rate_limited',
      code: '40011',
      message: 'Too many requests',
      retryAfter: 7,
    })
  })

  test('fall back on the HTTP status for unknown codes', ({ assert }) => {
    assert.containSubset(
      classifyTelnyxError({ status: 422, error: { errors: [{ code: '10015' }] } }),
      {
        errorClass: 'recipient',
        code: '10015',
      }
    )
    assert.containSubset(classifyTelnyxError({ status: 429 }), { kind: 'rate_limited' })
    assert.containSubset(classifyTelnyxError({ status: 401 }), { errorClass: 'configuration' })
  })
})
