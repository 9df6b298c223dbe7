import { PassThrough } from 'node:stream'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { test } from '@japa/runner'
import { discardUnreadBody } from '#services/http/unread_body'

/** A request body still arriving, and an answer on a connection that closes or is kept alive. */
function exchange({ keepAlive }: { keepAlive: boolean }) {
  const body = new PassThrough()
  const request = Object.assign(body, { complete: false }) as unknown as IncomingMessage
  const response = {
    shouldKeepAlive: keepAlive,
    getHeader: () => undefined,
  } as unknown as ServerResponse
  return { body, request, response }
}

function settled(promise: Promise<void>) {
  let done = false
  promise.then(() => (done = true))
  return async () => {
    await new Promise((resolve) => setImmediate(resolve))
    return done
  }
}

test.group('discardUnreadBody', () => {
  test('on a closing connection the answer waits until the client has sent its body', async ({
    assert,
  }) => {
    const { body, request, response } = exchange({ keepAlive: false })
    const isDone = settled(discardUnreadBody(request, response, { bytes: 1000, ms: 60_000 }))

    body.write(Buffer.alloc(400))
    assert.isFalse(await isDone())
    body.end(Buffer.alloc(400))
    assert.isTrue(await isDone())
  })

  test('past its byte limit the rest is not waited for', async ({ assert }) => {
    const { body, request, response } = exchange({ keepAlive: false })
    const isDone = settled(discardUnreadBody(request, response, { bytes: 1000, ms: 60_000 }))

    body.write(Buffer.alloc(1000))
    assert.isFalse(await isDone())
    body.write(Buffer.alloc(1))
    assert.isTrue(await isDone())
  })

  test('on a kept-alive connection the answer is not held back and nothing is read', async ({
    assert,
  }) => {
    const { body, request, response } = exchange({ keepAlive: true })
    const isDone = settled(discardUnreadBody(request, response, { bytes: 1000, ms: 60_000 }))

    assert.isTrue(await isDone())
    assert.isFalse(body.readableFlowing ?? false)
  })

  test('a body already read holds nothing back', async ({ assert }) => {
    const { request, response } = exchange({ keepAlive: false })
    Object.assign(request, { complete: true })
    assert.isTrue(await settled(discardUnreadBody(request, response))())
  })
})
