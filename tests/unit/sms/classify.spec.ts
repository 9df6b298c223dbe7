import { test } from '@japa/runner'
import { classifyHttpFailure, type KnownError } from '#sms/classify'

const known: Record<string, KnownError> = {
  '21610': { errorClass: 'recipient', kind: 'opted_out', message: 'Replied STOP' },
}

test.group('SMS classify | known codes', () => {
  test('classify a documented code before the HTTP status', ({ assert }) => {
    assert.deepEqual(classifyHttpFailure({ status: 500, code: 21610 }, { known }), {
      errorClass: 'recipient',
      kind: 'opted_out',
      code: '21610',
      message: 'Replied STOP',
    })
  })

  test("keep the provider's message and its wait", ({ assert }) => {
    assert.deepEqual(
      classifyHttpFailure(
        { status: 400, code: '21610', message: 'Unsubscribed', retryAfter: 3 },
        { known }
      ),
      {
        errorClass: 'recipient',
        kind: 'opted_out',
        code: '21610',
        message: 'Unsubscribed',
        retryAfter: 3,
      }
    )
  })

  test('ignore codes that are only inherited names', ({ assert }) => {
    assert.containSubset(classifyHttpFailure({ status: 503, code: 'toString' }, { known }), {
      errorClass: 'transient',
      code: 'toString',
    })
  })
})

test.group('SMS classify | HTTP status', () => {
  test('wrong credentials are configuration', ({ assert }) => {
    for (const status of [401, 403]) {
      assert.deepEqual(classifyHttpFailure({ status, message: 'No' }), {
        errorClass: 'configuration',
        kind: 'other',
        code: String(status),
        message: 'No',
      })
    }
  })

  test('a rate limit is transient, with the wait asked for', ({ assert }) => {
    assert.deepEqual(classifyHttpFailure({ status: 429, code: 'slow', retryAfter: 7 }), {
      errorClass: 'transient',
      kind: 'rate_limited',
      code: 'slow',
      message: 'The provider request failed',
      retryAfter: 7,
    })
  })

  test('another 4xx means the text cannot be sent as it is', ({ assert }) => {
    assert.containSubset(classifyHttpFailure({ status: 422, code: '10015' }), {
      errorClass: 'recipient',
      kind: 'other',
      code: '10015',
    })
    assert.containSubset(classifyHttpFailure({ status: 400 }, { clientError: 'configuration' }), {
      errorClass: 'configuration',
      code: '400',
    })
  })

  test('a timeout, a server error or no answer at all is transient', ({ assert }) => {
    for (const status of [408, 500, 503]) {
      assert.containSubset(classifyHttpFailure({ status }), {
        errorClass: 'transient',
        kind: 'other',
        code: String(status),
      })
    }
    assert.deepEqual(classifyHttpFailure({ code: 'ETIMEDOUT', message: 'timeout' }), {
      errorClass: 'transient',
      kind: 'other',
      code: 'ETIMEDOUT',
      message: 'timeout',
    })
    assert.deepEqual(classifyHttpFailure({}, { fallbackMessage: 'Acme request failed' }), {
      errorClass: 'transient',
      kind: 'other',
      code: 'network',
      message: 'Acme request failed',
    })
  })

  test('a status that is not a number counts as no answer', ({ assert }) => {
    assert.containSubset(classifyHttpFailure({ status: '401' }), {
      errorClass: 'transient',
      code: 'network',
    })
  })
})
