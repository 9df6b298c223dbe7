import logger from '@adonisjs/core/services/logger'
import { pollPendingRegistrations } from '#services/registration/registrations'

/** Registrations take hours to days to review: every quarter hour is plenty. */
const POLL_MS = 15 * 60 * 1000

/**
 * Asks the providers about pending 10DLC brands and campaigns in the
 * background, so their status (and the launch check) follows the review.
 */
class RegistrationPoller {
  #timer: NodeJS.Timeout | null = null
  #running: Promise<unknown> | null = null

  start() {
    if (this.#timer) return
    this.#timer = setInterval(() => this.#tick(), POLL_MS)
    this.#timer.unref()
    this.#tick()
  }

  async stop() {
    if (this.#timer) clearInterval(this.#timer)
    this.#timer = null
    await this.#running
  }

  #tick() {
    this.#running ??= pollPendingRegistrations((error) =>
      logger.warn({ err: error }, '10DLC registration status check failed')
    )
      .catch((error) => logger.error({ err: error }, 'registration poller'))
      .finally(() => {
        this.#running = null
      })
  }
}

const registrationPoller = new RegistrationPoller()
export default registrationPoller
