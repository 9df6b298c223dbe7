import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type Membership from '#models/membership'
import type WebhookEndpoint from '#models/webhook_endpoint'
import SaveWebhookEndpoint from '#actions/webhook_endpoints/save_webhook_endpoint'
import { WebhookDeliverer } from '#services/outbound_webhooks/deliverer'
import { EVENT_TYPES, type EventType } from '#services/outbound_webhooks/events'

export type ReceivedWebhook = { headers: IncomingHttpHeaders; body: string; path: string }

/**
 * A local HTTP server standing in for a group's webhook endpoint: it keeps
 * every request, and answers `status` (200 unless a test changes it).
 */
export class WebhookReceiver {
  received: ReceivedWebhook[] = []
  status = 200
  answer = 'ok'
  #server: Server

  constructor() {
    this.#server = createServer((request, response) => {
      const chunks: Buffer[] = []
      request.on('data', (chunk: Buffer) => chunks.push(chunk))
      request.on('end', () => {
        this.received.push({
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          path: request.url ?? '/',
        })
        // A redirect points back here: following it would show as a second request.
        const moved =
          this.status >= 300 && this.status < 400 ? { location: `${this.url}/moved` } : {}
        response.writeHead(this.status, { 'content-type': 'text/plain', ...moved })
        response.end(this.answer)
      })
    })
  }

  async start() {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve))
    return this
  }

  get url() {
    const { port } = this.#server.address() as AddressInfo
    return `http://127.0.0.1:${port}/hooks`
  }

  /** The parsed bodies received so far. */
  events() {
    return this.received.map((request) => JSON.parse(request.body))
  }

  async stop() {
    await new Promise<void>((resolve) => this.#server.close(() => resolve()))
  }
}

/** A receiver listening until the test's cleanup. */
export async function startReceiver(cleanup: (handler: () => Promise<void>) => void) {
  const receiver = await new WebhookReceiver().start()
  cleanup(() => receiver.stop())
  return receiver
}

/** An enabled endpoint of the admin's organization pointing at the receiver. */
export async function createEndpoint(
  admin: Membership,
  receiver: WebhookReceiver,
  events: EventType[] = [...EVENT_TYPES]
): Promise<WebhookEndpoint> {
  return SaveWebhookEndpoint.handle({
    actor: admin,
    data: { url: receiver.url, events, enabled: true },
  })
}

/** Delivers everything due now, the way a worker would, until nothing is left. */
export async function deliverAll(deliverer = new WebhookDeliverer()) {
  while (await deliverer.drainOnce()) {}
}
