import { sentPictureUrl } from '#services/media/sent_links'
import { hostname } from 'node:os'
import { randomBytes } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { DateTime } from 'luxon'
import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import Message from '#models/message'
import type ProviderAccount from '#models/provider_account'
import type { SendResult, SmsClientContract } from '#sms/types'
import messagingConfig from '#config/messaging'
import { clientFor, currentAccounts } from '#services/provider_accounts/clients'
import { askProviderAbout, parkForReview } from '#services/outbox/interrupted_sends'
import { claimDue, recordSent, release, type ClaimedMessage } from '#services/outbox/claims'
import { recordFailure } from '#services/outbox/send_failures'
import { refusalsFor, type Refusal } from '#services/outbox/send_guards'
import { recordFirstTextDelivery } from '#services/outbox/first_text_delivery'
import { sharedPacer, type Pacer, type PacingSlot } from '#services/outbox/pacer'
import { pushToOrganization } from '#services/realtime/updates'
import { sqlNow, sqlTime } from '#services/db/sql_time'
import { clock } from '#services/clock'
import { recordSendOutcome } from '#services/metrics/registry'

type Options = typeof messagingConfig.dispatcher & {
  /** What time it is: which queued texts are due and whose texting hours are open (tests set it). */
  clock: () => Date
  /** Where pacing slots are kept: shared with every other dispatcher (Redis or the database). */
  pacer: Pacer
}

/** A claimed text, cleared to go at its pacing slot `at` (epoch ms). */
type ReadySend = { message: ClaimedMessage; account: ProviderAccount; at: number; token: string }

function perSecond(value: unknown, fallback: number) {
  const parsed = Number(value)
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback
}

/**
 * Drains the outbox: claims due queued texts, runs the last checks (opt-out,
 * and a campaign text's texting hours), paces them per sender number and
 * per campaign, hands each to its account's plugin and records the outcome.
 * Several dispatchers may run at once (one per web process and any number of
 * `node ace messages:dispatch` workers); claims keep them apart.
 */
export class Dispatcher {
  readonly workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`
  #options: Options
  #claims = 0
  #inFlight = new Set<Promise<void>>()
  /** Claimed, checked and paced; waiting for a sending slot. */
  #ready: ReadySend[] = []
  /** Accounts a configuration failure stopped while their texts were lined up here. */
  #stopped = new Set<number>()
  #running = false
  #loop: Promise<void> | null = null
  #wake: AbortController = new AbortController()
  #lastSweep = 0
  #sweeps: Array<() => Promise<unknown>> = []
  /** Set while the last claim's texts outran their pacing: claim no sooner, and no more. */
  #paced: ClaimPace | null = null

  constructor(options: Partial<Options> = {}) {
    this.#options = {
      ...messagingConfig.dispatcher,
      clock: clock.now,
      ...options,
      pacer: options.pacer ?? sharedPacer(),
    }
  }

  /**
   * Starts draining in the background until `stop()`. `sweeps` run along
   * with the stale-claim check, every `sweepIntervalMs`.
   */
  start(sweeps: Array<() => Promise<unknown>> = []) {
    if (this.#running) return
    this.#sweeps = sweeps
    this.#running = true
    this.#loop = this.#run()
  }

  /** Stops claiming, and resolves once every text in flight is recorded. */
  async stop() {
    this.#running = false
    this.wake()
    await this.#loop
    await Promise.all(this.#inFlight)
  }

  /** New texts were queued: look now rather than at the next poll. */
  wake() {
    this.#wake.abort()
  }

  /**
   * Claims one batch and sends it; resolves when every text in it is
   * recorded. Returns how many rows were claimed.
   */
  async drainOnce(limit = this.#options.batchSize) {
    const claimed = await this.#claim(limit)
    this.#startReady(this.#ready.length)
    await Promise.all(this.#inFlight)
    return claimed
  }

  /**
   * Rows left "sending" by a dispatcher that died are never sent again
   * blindly: the provider is asked about each (`askProviderAbout`). One it
   * has is recorded as sent, with its id; the others are parked as "review"
   * for an admin to send again or discard, saying whether the provider has
   * no record of them or they may already have been delivered.
   */
  async reconcileStale() {
    const cutoff = sqlTime(DateTime.now().minus({ seconds: this.#options.claimTimeoutSeconds }))
    const stale = await Message.query()
      .where('status', 'sending')
      .where('claimed_at', '<', cutoff)
      .orderBy('id')
      .limit(500)

    for (const message of stale) {
      const finding = await askProviderAbout(message)
      if (finding.outcome === 'sent') await recordSent(message, finding.result)
      else await parkForReview(message, finding, message.claimedBy)
    }
    return stale.length
  }

  async #run() {
    const { concurrency, batchSize, pollIntervalMs, sweepIntervalMs } = this.#options
    while (this.#running) {
      try {
        if (Date.now() - this.#lastSweep > sweepIntervalMs) {
          this.#lastSweep = Date.now()
          await this.reconcileStale()
          for (const sweep of this.#sweeps) await sweep()
        }
        // Keep `concurrency` sends in flight, with the next ones claimed ahead so a
        // finished send is replaced at once.
        this.#startReady(concurrency - this.#inFlight.size)
        const paced = this.#paced
        const mayClaim = !paced || Date.now() >= paced.notBefore
        if (
          this.#ready.length < concurrency / 2 &&
          mayClaim &&
          (await this.#claim(paced?.limit ?? batchSize))
        ) {
          continue
        }
        if (this.#inFlight.size) await Promise.race(this.#inFlight)
        else await this.#idle(mayClaim ? pollIntervalMs : paced!.notBefore - Date.now())
      } catch (error) {
        logger.error({ err: error }, 'Outbox dispatcher round failed')
        await this.#idle(pollIntervalMs)
      }
    }
    // Claimed but not started: back to the queue, untouched by any provider.
    const unstarted = this.#ready.splice(0)
    for (const token of new Set(unstarted.map((send) => send.token))) {
      const ids = unstarted.filter((send) => send.token === token).map(({ message }) => message.id)
      await release(ids, token)
    }
  }

  #startReady(count: number) {
    for (const send of this.#ready.splice(0, Math.max(count, 0))) {
      const sending = this.#send(send).finally(() => this.#inFlight.delete(sending))
      this.#inFlight.add(sending)
    }
  }

  async #idle(ms: number) {
    if (this.#wake.signal.aborted) this.#wake = new AbortController()
    await sleep(ms, undefined, { signal: this.#wake.signal }).catch(() => {})
    this.#wake = new AbortController()
  }

  /**
   * Claims due rows, drops those a guard refuses, and lines the rest up to
   * be sent at their pacing slot. Rows whose slot is too far off go back to
   * the queue, due at that slot. Returns how many rows were claimed.
   */
  async #claim(limit: number) {
    const token = `${this.workerId}#${++this.#claims}`
    const claimedAt = this.#options.clock()
    const batch = await claimDue(token, limit, claimedAt)
    if (!batch.length) return 0

    const refusals = await refusalsFor(batch, claimedAt)
    const accountIds = [...new Set(batch.map((message) => message.providerAccountId!))]
    const accounts = await currentAccounts(accountIds)
    const later = new Map<number, number[]>()
    const sendable: Array<{ message: ClaimedMessage; account: ProviderAccount }> = []

    for (const message of batch) {
      const refusal = refusals.get(message.id)
      if (refusal) {
        await this.#refuse(message, refusal)
        continue
      }
      const account = accounts.get(message.providerAccountId!)
      if (!account || account.status !== 'active') {
        later.set(0, [...(later.get(0) ?? []), message.id])
        continue
      }
      // Active again (an admin resumed it): its texts may go.
      this.#stopped.delete(account.id)
      sendable.push({ message, account })
    }

    const slots = await this.#options.pacer
      .reserve(
        sendable.map(({ message, account }) => this.#pacingKeys(message, account)),
        Date.now(),
        this.#options.maxPacingWaitMs
      )
      .catch(async (error) => {
        // No slots, no sends: the claimed texts go back to the queue untouched.
        await release(
          batch.map((message) => message.id),
          token
        )
        throw error
      })
    sendable.forEach(({ message, account }, index) => {
      const { at, reserved } = slots[index]
      if (reserved) this.#ready.push({ message, account, at, token })
      else later.set(at, [...(later.get(at) ?? []), message.id])
    })
    this.#paced = claimPace(slots, this.#options.maxPacingWaitMs)

    for (const [at, ids] of later) {
      await release(ids, token, at ? sqlTime(DateTime.fromMillis(at)) : null)
    }
    return batch.length
  }

  /**
   * Per sender number (the account's `textsPerSecond` setting, or the
   * default) and per campaign. Campaigns may carry their own rate once they
   * exist; until then every campaign gets the default.
   */
  #pacingKeys(message: ClaimedMessage, account: ProviderAccount) {
    const { perSenderPerSecond, perCampaignPerSecond } = this.#options
    const keys = [
      {
        key: `sender:${account.id}:${message.from || 'pool'}`,
        perSecond: perSecond(account.settings.textsPerSecond, perSenderPerSecond),
      },
    ]
    if (message.campaignId) {
      keys.push({ key: `campaign:${message.campaignId}`, perSecond: perCampaignPerSecond })
    }
    return keys
  }

  /**
   * A text a last check stopped. Held: back in the queue, due when the hold
   * ends, saying why it waits. Failed: for good (class `refused`: it never
   * reached the provider), and its campaign contact's first-text delivery
   * fails with the guard's reason, so the report counts it instead of
   * showing it queued forever.
   */
  async #refuse(message: ClaimedMessage, refusal: Refusal) {
    const reason = { error_code: refusal.code, error_message: refusal.message.slice(0, 255) }
    if (refusal.outcome === 'hold') {
      await db
        .from('messages')
        .where('id', message.id)
        .where('status', 'sending')
        .update({
          ...reason,
          status: 'queued',
          error_class: null,
          claimed_at: null,
          claimed_by: null,
          next_attempt_at: sqlTime(refusal.until),
          updated_at: sqlNow(),
        })
      this.#push(message, 'queued', refusal.code)
      return
    }
    await db.transaction(async (trx) => {
      const changed = await trx
        .from('messages')
        .where('id', message.id)
        .where('status', 'sending')
        .update({ ...reason, status: 'failed', error_class: 'refused', updated_at: sqlNow() })
      if (Number(Array.isArray(changed) ? changed[0] : changed)) {
        await recordFirstTextDelivery(trx, message.id, 'failed', null, refusal.reason)
      }
    })
    this.#push(message, 'failed', refusal.code)
  }

  async #send({ message, account, at, token }: ReadySend) {
    try {
      if (at > Date.now()) await sleep(at - Date.now())
      if (this.#stopped.has(account.id)) return release([message.id], token)

      let client: SmsClientContract | undefined
      let result: SendResult
      const startedAt = performance.now()
      try {
        client = await clientFor(account)
        result = await client.send({
          to: message.to,
          from: message.from || undefined,
          body: message.body,
          mediaUrls: mediaUrlsOf(message),
          messageId: message.id,
        })
      } catch (error) {
        const classified = client
          ? client.classifyError(error)
          : {
              errorClass: 'configuration' as const,
              code: 'plugin',
              message: `The provider plugin could not be loaded: ${String(error)}`,
            }
        recordSendOutcome(startedAt, classified.errorClass)
        const outcome = await recordFailure(message, classified)
        if (outcome === 'account_disabled') this.#stopped.add(account.id)
        this.#push(message, outcome === 'failed' ? 'failed' : 'queued', classified.code)
        return
      }
      recordSendOutcome(startedAt, null)
      // Sent: if recording that fails, the row stays "sending" and is reconciled, never re-sent.
      this.#push(message, await recordSent(message, result), null)
    } catch (error) {
      logger.error({ err: error, messageId: message.id }, 'Recording a send failed')
    }
  }

  #push(message: ClaimedMessage, status: string, errorCode: string | null) {
    pushToOrganization(message.organizationId, {
      type: 'message.status',
      // The member who sent it follows it on their own page too.
      userIds: [message.sentById],
      message: { id: message.id, status, errorCode },
    })
  }
}

type ClaimPace = { notBefore: number; limit: number }

/**
 * When a claim's texts outran their pacing (some slots lay beyond the wait),
 * the next claim comes half a wait later — by then the window has room again
 * — and takes no more rows than this claim could send. Claiming at once would
 * only hand the new rows back too: with a backlog larger than the providers'
 * pace (election weekend), every text would be claimed and released over and
 * over, each time a write on the outbox and its counters. Other campaigns'
 * texts and replies wait at most that half a wait. Null when every claimed
 * text got its slot.
 */
export function claimPace(
  slots: PacingSlot[],
  maxWaitMs: number,
  now = Date.now()
): ClaimPace | null {
  const waiting = slots.filter((slot) => !slot.reserved).length
  if (!waiting) return null
  return {
    notBefore: now + maxWaitMs / 2,
    limit: Math.max(slots.length - waiting, MIN_PACED_CLAIM),
  }
}

/** Rows a paced claim still takes, so a slot freed meanwhile is not left unused. */
const MIN_PACED_CLAIM = 10

/** This process's dispatcher (started by the messaging provider in web processes). */
const dispatcher = new Dispatcher()
export default dispatcher

/** The links the provider fetches the text's pictures from; undefined for a plain text. */
function mediaUrlsOf(message: ClaimedMessage) {
  const urls = [...message.media, ...message.pictureIds.map(sentPictureUrl)]
  return urls.length ? urls : undefined
}
