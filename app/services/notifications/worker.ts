import { hostname } from 'node:os'
import { randomBytes } from 'node:crypto'
import logger from '@adonisjs/core/services/logger'
import { queueDueDigests } from '#services/notifications/digests'
import {
  claimNext,
  onEmailsQueued,
  reclaimExpired,
  recordOutcome,
} from '#services/notifications/queue'
import { sendNotification } from '#services/notifications/sender'

/** How often the worker looks for due digests and emails queued by other processes. */
const POLL_MS = 20_000
/** Digests are looked for at least this often. */
const DIGEST_SCAN_MS = 60_000

/**
 * Sends notification emails in the background: in the web server (the
 * single-process default) and in `node ace jobs:work` processes. Each email
 * is claimed by one worker; one whose worker died is claimed again when its
 * lease runs out. Requests only queue emails, never wait on SMTP.
 */
export class NotificationWorker {
  readonly workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`
  #timer: NodeJS.Timeout | null = null
  #running: Promise<void> | null = null
  #lastDigestScan = 0
  #claims = 0
  #unlisten: (() => void) | null = null

  start(pollMs = POLL_MS) {
    if (this.#timer) return
    this.#unlisten = onEmailsQueued(() => this.wake())
    this.#timer = setInterval(() => this.wake(), pollMs)
    this.#timer.unref()
    this.wake()
  }

  async stop() {
    if (this.#timer) clearInterval(this.#timer)
    this.#timer = null
    this.#unlisten?.()
    this.#unlisten = null
    await this.#running
  }

  /** Looks now (emails were queued); resolves when this pass is done. */
  wake() {
    this.#running ??= this.#pass()
      .catch((error) => logger.error({ err: error }, 'notification emails'))
      .finally(() => {
        this.#running = null
      })
    return this.#running
  }

  /**
   * One full pass, whatever the timers say: requeue abandoned emails, queue
   * the digests due, send everything due. Tests and the worker loop use it.
   */
  async runOnce() {
    await this.#running
    this.#lastDigestScan = 0
    await this.wake()
  }

  async #pass() {
    await reclaimExpired()
    if (Date.now() - this.#lastDigestScan >= DIGEST_SCAN_MS) {
      this.#lastDigestScan = Date.now()
      await queueDueDigests()
    }
    const token = `${this.workerId}#${++this.#claims}`
    for (let email = await claimNext(token); email; email = await claimNext(token)) {
      try {
        const sent = await sendNotification(email)
        await recordOutcome(email, token, sent ? { sent: true } : { skipped: true })
      } catch (error) {
        logger.warn({ err: error, emailId: email.id }, 'notification email not sent; will retry')
        await recordOutcome(email, token, { error: String((error as Error).message ?? error) })
      }
    }
  }
}

/** This process's worker (the web process and `node ace jobs:work` start it). */
const notificationWorker = new NotificationWorker()
export default notificationWorker
