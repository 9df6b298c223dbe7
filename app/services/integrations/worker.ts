import { hostname } from 'node:os'
import { randomBytes } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import logger from '@adonisjs/core/services/logger'
import IntegrationAccount from '#models/integration_account'
import { clock } from '#services/clock'
import { runClaimedImport } from '#services/integrations/people_import'
import { collectResults } from '#services/integrations/results'
import { pushDueResults } from '#services/integrations/results_queue'

const POLL_MS = 15_000

/**
 * Keeps every enabled integration account in step: reads new events into
 * its results queue, sends what is due, and runs scheduled imports. Any
 * number of workers may run (the web process and `node ace jobs:work`):
 * results and imports are claimed, so each is done by one worker, and
 * work whose worker died is taken over once its lease expires. All state
 * is in the database (cursors, queue, schedule, claims), so a new instance
 * after a restart carries on where the last one stopped.
 */
export class IntegrationWorker {
  readonly workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`
  #running = false
  #loop: Promise<void> | null = null
  #stop = new AbortController()

  /** One pass over every enabled account; one account failing does not stop the others. */
  async runOnce() {
    const accounts = await IntegrationAccount.query().where('enabled', true).orderBy('id')
    for (const account of accounts) {
      try {
        await collectResults(account)
        await pushDueResults(account, this.workerId)
        if (account.importNextAt && account.importNextAt <= clock.dateTime())
          await runClaimedImport(account, `${this.workerId}#import`, true)
      } catch (error) {
        logger.error(
          { accountId: account.id, err: (error as Error).message },
          'integration sync failed'
        )
      }
    }
  }

  start() {
    if (this.#running) return
    this.#running = true
    this.#loop = (async () => {
      while (this.#running) {
        // A pass that cannot reach the database is logged and tried again at the next poll.
        await this.runOnce().catch((error) =>
          logger.error({ err: (error as Error).message }, 'integration sync pass failed')
        )
        await sleep(POLL_MS, undefined, { signal: this.#stop.signal }).catch(() => {})
      }
    })()
  }

  /** Stops polling, and resolves once the pass in progress is done. */
  async stop() {
    this.#running = false
    this.#stop.abort()
    await this.#loop
  }
}

/** This process's worker (the web process and `node ace jobs:work` start it). */
export default new IntegrationWorker()
