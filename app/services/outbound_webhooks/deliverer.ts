import { hostname } from 'node:os'
import { randomBytes } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import logger from '@adonisjs/core/services/logger'
import WebhookEndpoint from '#models/webhook_endpoint'
import webhooksConfig from '#config/webhooks'
import { clock } from '#services/clock'
import { onDeliveriesQueued } from '#services/outbound_webhooks/events'
import { postJson } from '#services/outbound_webhooks/post'
import { signedHeaders } from '#services/outbound_webhooks/signing'
import {
  claimDue,
  reclaimExpired,
  recordOutcome,
  type ClaimedDelivery,
} from '#services/outbound_webhooks/queue'

/**
 * Drains the webhook delivery queue: claims due deliveries, signs each
 * attempt (Standard Webhooks), POSTs it and records the outcome. Any number
 * of workers may run (the web process and `node ace webhooks:deliver`);
 * claims keep them apart, and a delivery whose worker died is claimed again
 * once its lease expires.
 */
export class WebhookDeliverer {
  readonly workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`
  #claims = 0
  #inFlight = new Set<Promise<void>>()
  #running = false
  #loop: Promise<void> | null = null
  #wake = new AbortController()

  start() {
    if (this.#running) return
    this.#running = true
    this.#loop = this.#run()
  }

  /** Stops claiming, and resolves once every delivery in flight is recorded. */
  async stop() {
    this.#running = false
    this.wake()
    await this.#loop
    await Promise.all(this.#inFlight)
  }

  /** New deliveries were queued: look now rather than at the next poll. */
  wake() {
    this.#wake.abort()
  }

  /**
   * Puts back deliveries whose lease expired, claims one batch and delivers
   * it; resolves when every delivery in it is recorded. Returns how many
   * were claimed.
   */
  async drainOnce(limit = webhooksConfig.batchSize) {
    await reclaimExpired(clock.now())
    const batch = await this.#claim(limit)
    await Promise.all(this.#inFlight)
    return batch
  }

  async #run() {
    let lastReclaim = 0
    while (this.#running) {
      try {
        if (Date.now() - lastReclaim > webhooksConfig.leaseSeconds * 250) {
          lastReclaim = Date.now()
          await reclaimExpired(clock.now())
        }
        const room = webhooksConfig.concurrency - this.#inFlight.size
        const claimed = room > 0 ? await this.#claim(Math.min(room, webhooksConfig.batchSize)) : 0
        if (claimed) continue
        if (this.#inFlight.size) await Promise.race(this.#inFlight)
        else await this.#idle(webhooksConfig.pollIntervalMs)
      } catch (error) {
        logger.error({ err: error }, 'webhook deliverer')
        await this.#idle(webhooksConfig.pollIntervalMs)
      }
    }
  }

  async #idle(ms: number) {
    if (this.#wake.signal.aborted) this.#wake = new AbortController()
    await sleep(ms, undefined, { signal: this.#wake.signal }).catch(() => {})
    this.#wake = new AbortController()
  }

  async #claim(limit: number) {
    const token = `${this.workerId}#${++this.#claims}`
    const batch = await claimDue(token, limit, clock.now())
    if (!batch.length) return 0
    const endpointIds = [...new Set(batch.map((delivery) => delivery.endpointId))]
    const rows = await WebhookEndpoint.query().whereIn('id', endpointIds)
    const endpoints = new Map(rows.map((row) => [row.id, row]))
    for (const delivery of batch) {
      const sending = this.#deliver(delivery, endpoints.get(delivery.endpointId)!, token)
        .catch((error) => logger.error({ err: error, deliveryId: delivery.id }, 'webhook delivery'))
        .finally(() => this.#inFlight.delete(sending))
      this.#inFlight.add(sending)
    }
    return batch.length
  }

  async #deliver(delivery: ClaimedDelivery, endpoint: WebhookEndpoint, token: string) {
    const headers = signedHeaders(endpoint.secret, delivery.webhookId, clock.now(), delivery.body)
    const result = await postJson(endpoint.url, headers, delivery.body)
    await recordOutcome({ delivery, token, result, at: clock.now() })
  }
}

/** This process's deliverer (the web process and `node ace webhooks:deliver` start it). */
const deliverer = new WebhookDeliverer()
onDeliveriesQueued(() => deliverer.wake())

export default deliverer
