import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface CapturedRequest {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

/**
 * A loopback HTTP server that records each request and answers `reply`:
 * lets a test see the exact bytes a provider SDK sends. Port 0 takes any
 * free port (`url` says which).
 */
export async function startCaptureServer(port: number, reply: { status: number; body: unknown }) {
  const requests: CapturedRequest[] = []
  const server = createServer((request, response) => {
    let body = ''
    request.setEncoding('utf8')
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      requests.push({ method: request.method!, url: request.url!, headers: request.headers, body })
      // No keep-alive: a later recorder on the same port must not inherit a dead socket.
      response.writeHead(reply.status, {
        'content-type': 'application/json',
        'connection': 'close',
      })
      response.end(JSON.stringify(reply.body))
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
