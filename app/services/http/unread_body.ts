import type { IncomingMessage, ServerResponse } from 'node:http'

/** How much of an unread body is read and thrown away before answering on a closing connection. */
export const UNREAD_BODY_LIMITS = { bytes: 1024 * 1024, ms: 2000 }

function closesAfterAnswer(response: ServerResponse) {
  const connection = response.getHeader('connection')
  return !response.shouldKeepAlive || /close/i.test(String(connection ?? ''))
}

/**
 * A request answered without its body being read (an upload refused before
 * its file is read) on a connection that closes after the answer (the client
 * sent `Connection: close`): Node sends the answer and closes at once, and a
 * client still sending its body then meets a reset or a broken pipe instead
 * of the answer (RFC 9112 §9.6). The rest of the body is read and thrown
 * away first, up to `limits`, so such a client has finished sending when the
 * answer comes. Nothing is kept. On a kept-alive connection Node reads the
 * rest after the answer by itself, so the answer is not held back.
 */
export function discardUnreadBody(
  request: IncomingMessage,
  response: ServerResponse,
  limits = UNREAD_BODY_LIMITS
) {
  if (request.complete || request.destroyed || !closesAfterAnswer(response)) {
    return Promise.resolve()
  }
  return new Promise<void>((resolve) => {
    let bytes = 0
    const done = () => {
      clearTimeout(timer)
      request.off('data', count)
      request.off('end', done)
      request.off('close', done)
      request.off('error', done)
      resolve()
    }
    const count = (chunk: Buffer) => {
      bytes += chunk.length
      if (bytes > limits.bytes) done()
    }
    const timer = setTimeout(done, limits.ms)
    request.on('data', count)
    request.once('end', done)
    request.once('close', done)
    request.once('error', done)
    request.resume()
  })
}
