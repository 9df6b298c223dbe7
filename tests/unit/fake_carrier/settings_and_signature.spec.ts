import { test } from '@japa/runner'
import { fakeCarrierSettings } from '#services/fake_carrier/settings'
import {
  isValidSignature,
  signedHeaders,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
} from '#services/fake_carrier/signature'

test.group('Fake carrier | settings', () => {
  test('read form strings with defaults and bounds', ({ assert }) => {
    assert.deepEqual(fakeCarrierSettings({}), {
      deliveryDelayMs: 1000,
      replyRate: 0,
      replyText: 'Thanks, got it!',
      replyDelayMs: 2000,
      demoMode: false,
    })
    assert.deepEqual(
      fakeCarrierSettings({
        deliveryDelayMs: '250',
        replyRate: '2',
        replyText: 'Sure',
        replyDelayMs: '-5',
        demoMode: 'on',
      }),
      { deliveryDelayMs: 250, replyRate: 1, replyText: 'Sure', replyDelayMs: 0, demoMode: true }
    )
    assert.equal(fakeCarrierSettings({ deliveryDelayMs: 'soon' }).deliveryDelayMs, 1000)
    assert.isFalse(fakeCarrierSettings({ demoMode: 'off' }).demoMode)
  })
})

test.group('Fake carrier | signature', () => {
  test('verify what the carrier signs, within five minutes', ({ assert }) => {
    const now = Date.now()
    const headers = signedHeaders('secret-0123456789', '{"a":1}', now)
    const check = (body: string, secret = 'secret-0123456789', at = now) =>
      isValidSignature(secret, headers[TIMESTAMP_HEADER], headers[SIGNATURE_HEADER], body, at)
    assert.isTrue(check('{"a":1}'))
    assert.isFalse(check('{"a":2}'))
    assert.isFalse(check('{"a":1}', 'another-secret-000'))
    assert.isFalse(check('{"a":1}', 'secret-0123456789', now + 301_000))
    assert.isFalse(check('{"a":1}', ''))
    assert.isFalse(
      isValidSignature('secret-0123456789', headers[TIMESTAMP_HEADER], 'zz', '{"a":1}', now)
    )
  })
})
