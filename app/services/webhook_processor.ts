import { DateTime } from 'luxon'
import logger from '@adonisjs/core/services/logger'
import WebhookEvent from '#models/webhook_event'
import type { WebhookEvent as NormalizedEvent } from '#sms/types'
import messagingConfig from '#config/messaging'
import { findAccountCached } from '#services/provider_clients'
import { processInbound } from '#services/inbound'
import { sqlNow, sqlTime } from '#services/sql_time'
import { applyStatus } from '#services/delivery_status'

/** An event stored by ReceiveWebhook, waiting to be acted on. */
export type StoredEvent = { id: number; accountId: number; event: NormalizedEvent }

/**
 * Acts on stored webhook events one at a time, in arrival order, after the
 * provider has had its answer. Everything it does is idempotent (unique
 * provider message ids, monotonic statuses, one opt-out reply per opt-out),
 * so an event processed twice — after a crash, or by two processes' sweeps —
 * changes nothing the second time.
 */
export class WebhookProcessor {
  #queue: StoredEvent[] = []
  #draining: Promise<void> | null = null

  enqueue(events: StoredEvent[]) {
    if (!events.length) return
    this.#queue.push(...events)
    this.#draining ??= this.#drain().finally(() => (this.#draining = null))
  }

  /** Resolves once everything enqueued so far has been processed. */
  async idle() {
    while (this.#draining) await this.#draining
  }

  async #drain() {
    let next: StoredEvent | undefined
    while ((next = this.#queue.shift())) await this.process(next)
  }

  /**
   * Acts on one event. A status for a message we have not recorded as sent
   * yet (the provider can be faster than our own bookkeeping) stays pending
   * for the sweep to try again.
   */
  async process({ id, accountId, event }: StoredEvent) {
    try {
      const account = await findAccountCached(accountId)
      if (!account) return
      if (event.type === 'inbound') {
        await processInbound(account, event, id)
      } else if (await applyStatus(account, event, id)) {
        // applied, or safely ignored as stale
      } else {
        await WebhookEvent.query()
          .where('id', id)
          .update({ error: 'No message with this provider id yet', updated_at: sqlNow() })
      }
    } catch (error) {
      logger.error({ err: error, webhookEventId: id }, 'Webhook event processing failed')
      await WebhookEvent.query()
        .where('id', id)
        .update({ status: 'failed', error: String(error).slice(0, 255), updated_at: sqlNow() })
        .catch(() => {})
    }
  }

  /**
   * Picks up events left pending: a status that arrived before its message
   * was recorded, or events a process died holding. Gives up on those older
   * than the configured limit.
   */
  async sweep() {
    const { retryAfterSeconds, giveUpAfterSeconds } = messagingConfig.webhooks
    const now = DateTime.now()
    await WebhookEvent.query()
      .where('status', 'pending')
      .where('created_at', '<', sqlTime(now.minus({ seconds: giveUpAfterSeconds })))
      .update({ status: 'failed', updated_at: sqlNow() })

    const stale = await WebhookEvent.query()
      .where('status', 'pending')
      .where('updated_at', '<', sqlTime(now.minus({ seconds: retryAfterSeconds })))
      .orderBy('id')
      .limit(500)
    this.enqueue(
      stale.map((row) => ({
        id: row.id,
        accountId: row.providerAccountId,
        event: JSON.parse(row.payload).event,
      }))
    )
    await this.idle()
  }
}

const webhookProcessor = new WebhookProcessor()
export default webhookProcessor
