import type { ApplicationService } from '@adonisjs/core/types'

/**
 * Runs background jobs inside the web server (not for ace commands, code
 * generation or tests): contact imports and campaign exports start at once
 * (and the daily retention pass runs)
 * and need no separate process. `node ace imports:work` runs the import
 * worker elsewhere; both can run together, each job is claimed once.
 */
export default class ImportWorkerProvider {
  constructor(protected app: ApplicationService) {}

  async #workers() {
    const { default: importWorker } = await import('#services/importer/worker')
    const { default: exportWorker } = await import('#services/exports/worker')
    const { default: retentionWorker } = await import('#services/retention/worker')
    const { default: registrationPoller } = await import('#services/registration/worker')
    return [importWorker, exportWorker, retentionWorker, registrationPoller]
  }

  async ready() {
    if (this.app.getEnvironment() !== 'web') return
    for (const worker of await this.#workers()) worker.start()
  }

  async shutdown() {
    if (this.app.getEnvironment() !== 'web') return
    const workers = await this.#workers()
    await Promise.all(workers.map((worker) => worker.stop()))
  }
}
