import type { ApplicationService } from '@adonisjs/core/types'

/**
 * Runs contact imports inside the web server (not for ace commands, code
 * generation or tests): queued imports start at once and uploads need no
 * separate process. `node ace imports:work` runs the same worker elsewhere;
 * both can run together, each import is claimed once.
 */
export default class ImportWorkerProvider {
  constructor(protected app: ApplicationService) {}

  async ready() {
    if (this.app.getEnvironment() !== 'web') return
    const { default: importWorker } = await import('#services/importer/worker')
    importWorker.start()
  }

  async shutdown() {
    if (this.app.getEnvironment() !== 'web') return
    const { default: importWorker } = await import('#services/importer/worker')
    await importWorker.stop()
  }
}
