import type { ApplicationService } from '@adonisjs/core/types'

/**
 * The web server deletes files a killed process left in the upload temp
 * folder: at start, then every hour (see sweepUploadLeftovers).
 */
export default class UploadTmpProvider {
  #timer: NodeJS.Timeout | null = null

  constructor(protected app: ApplicationService) {}

  async ready() {
    if (this.app.getEnvironment() !== 'web') return
    const { sweepUploadLeftovers, LEFTOVER_AFTER_MS } = await import('#services/uploads')
    const logger = await this.app.container.make('logger')
    const sweep = () =>
      sweepUploadLeftovers().catch((error) => logger.error({ err: error }, 'upload temp sweep'))
    await sweep()
    this.#timer = setInterval(sweep, LEFTOVER_AFTER_MS)
    this.#timer.unref()
  }

  async shutdown() {
    if (this.#timer) clearInterval(this.#timer)
    this.#timer = null
  }
}
