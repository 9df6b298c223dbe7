import logger from '@adonisjs/core/services/logger'
import { runDueRetention } from '#services/retention/daily_run'

/** Checked hourly: each organization's run is claimed once a day (see runRetention). */
const CHECK_MS = 60 * 60 * 1000

/**
 * Runs the daily retention pass in the background: in the web server (the
 * single-process default) and in any other worker process; the per-day claim
 * keeps it to one run a day across all of them.
 */
class RetentionWorker {
  #timer: NodeJS.Timeout | null = null
  #running: Promise<void> | null = null

  start() {
    if (this.#timer) return
    this.#timer = setInterval(() => this.#tick(), CHECK_MS)
    this.#timer.unref()
    this.#tick()
  }

  async stop() {
    if (this.#timer) clearInterval(this.#timer)
    this.#timer = null
    await this.#running
  }

  #tick() {
    this.#running ??= runDueRetention()
      .catch((error) => logger.error({ err: error }, 'retention worker'))
      .finally(() => {
        this.#running = null
      })
  }
}

const retentionWorker = new RetentionWorker()
export default retentionWorker
