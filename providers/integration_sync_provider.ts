import type { ApplicationService } from '@adonisjs/core/types'

/**
 * Runs CRM sync (results out, scheduled imports in) inside the web server,
 * not for ace commands or tests. Stops gracefully on shutdown.
 */
export default class IntegrationSyncProvider {
  #started = false

  constructor(protected app: ApplicationService) {}

  async ready() {
    if (this.app.getEnvironment() !== 'web') return
    const { default: worker } = await import('#services/integrations/worker')
    worker.start()
    this.#started = true
  }

  async shutdown() {
    if (!this.#started) return
    const { default: worker } = await import('#services/integrations/worker')
    await worker.stop()
  }
}
