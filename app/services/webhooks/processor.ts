import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import WebhookEvent from '#models/webhook_event'
import type ProviderAccount from '#models/provider_account'
import type { WebhookEvent as NormalizedEvent } from '#sms/types'
import messagingConfig from '#config/messaging'
import { findAccountCached } from '#services/provider_accounts/clients'
import { processInbound } from '#services/webhooks/inbound'
import { applyStatus } from '#services/outbox/delivery_status'
import { pushToOrganization, type MessageUpdate } from '#services/realtime/updates'
import { sqlNow, sqlTime } from '#services/db/sql_time'
import { retryDeadlocks } from '#services/db/deadlocks'

/** An event stored by ReceiveWebhook, waiting to be acted on. */
export type StoredEvent = { id: number; accountId: number; event: NormalizedEvent }

/** Events acted on per transaction: one commit per burst rather than per event. */
const BATCH_SIZE = 5

type Outcome = { id: number; organizationId: number; updates: MessageUpdate[] | null }

/**
 * Acts on stored webhook events in arrival order, after the provider has had
 * its answer. Everything it does is idempotent (unique provider message ids,
 * monotonic statuses, one opt-out reply per opt-out), so an event processed
 * twice — after a crash, or by two processes' sweeps — changes nothing the
 * second time.
 */
export class WebhookProcessor {
  #queue: StoredEvent[] = []
  /** Ids waiting in #queue, so a sweep does not queue them twice. */
  #queued = new Set<number>()
  #draining: Promise<void> | null = null

  enqueue(events: StoredEvent[]) {
    const fresh = events.filter(({ id }) => !this.#queued.has(id))
    if (!fresh.length) return
    for (const { id } of fresh) this.#queued.add(id)
    this.#queue.push(...fresh)
    this.#draining ??= this.#drain().finally(() => (this.#draining = null))
  }

  /** Resolves once everything enqueued so far has been processed. */
  async idle() {
    while (this.#draining) await this.#draining
  }

  async #drain() {
    while (this.#queue.length) {
      // Requests come first: answering providers fast matters more than acting at once.
      await new Promise((resolve) => setImmediate(resolve))
      const batch = this.#queue.splice(0, BATCH_SIZE)
      for (const { id } of batch) this.#queued.delete(id)
      try {
        await this.#processTogether(batch)
      } catch {
        // One bad event must not hold the others back: take them one by one.
        for (const stored of batch) await this.process(stored)
      }
    }
  }

  /**
   * Acts on one event in its own transaction; a failure is recorded on the
   * stored event for an admin to look at.
   */
  async process(stored: StoredEvent) {
    try {
      // A deadlock victim's transaction was rolled back whole: acting again is safe.
      await retryDeadlocks(() => this.#processTogether([stored]))
    } catch (error) {
      logger.error({ err: error, webhookEventId: stored.id }, 'Webhook event processing failed')
      await WebhookEvent.query()
        .where('id', stored.id)
        .update({ status: 'failed', error: String(error).slice(0, 255), updated_at: sqlNow() })
        .catch(() => {})
    }
  }

  async #processTogether(batch: StoredEvent[]) {
    // Read before the transaction: SQLite has one connection, which the transaction holds.
    const accounts = new Map<number, ProviderAccount | null>()
    for (const { accountId } of batch) {
      if (!accounts.has(accountId)) accounts.set(accountId, await findAccountCached(accountId))
    }
    const outcomes = await db.transaction(async (trx) => {
      const done: Outcome[] = []
      for (const stored of batch)
        done.push(await this.#act(stored, accounts.get(stored.accountId)!, trx))
      await this.#mark(done, trx)
      return done
    })
    for (const { organizationId, updates } of outcomes) {
      for (const update of updates ?? []) pushToOrganization(organizationId, update)
    }
  }

  async #act(
    { id, event }: StoredEvent,
    account: ProviderAccount | null,
    trx: TransactionClientContract
  ) {
    if (!account) return { id, organizationId: 0, updates: [] }
    const updates =
      event.type === 'inbound'
        ? await processInbound(account, event, trx)
        : await applyStatus(account, event, trx)
    return { id, organizationId: account.organizationId, updates }
  }

  /**
   * Processed events are marked so; a status whose message is not recorded
   * yet stays pending (touched, so the sweep waits before trying again).
   */
  async #mark(outcomes: Outcome[], trx: TransactionClientContract) {
    const now = sqlNow()
    const processed = outcomes.filter((outcome) => outcome.updates).map(({ id }) => id)
    const unmatched = outcomes.filter((outcome) => !outcome.updates).map(({ id }) => id)
    if (processed.length) {
      await trx
        .from('webhook_events')
        .whereIn('id', processed)
        .update({ status: 'processed', processed_at: now, error: null, updated_at: now })
    }
    if (unmatched.length) {
      await trx
        .from('webhook_events')
        .whereIn('id', unmatched)
        .update({ error: 'No message with this provider id yet', updated_at: now })
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
