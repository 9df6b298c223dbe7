import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * A separate import worker, for installations that keep heavy imports off
 * the web processes (the web server runs one too). SIGTERM or SIGINT lets
 * the import in progress finish its current file, then exits.
 */
export default class ImportsWork extends BaseCommand {
  static commandName = 'imports:work'
  static description = 'Run queued contact imports until stopped'
  static options: CommandOptions = { startApp: true, staysAlive: true }

  async run() {
    const { default: importWorker } = await import('#services/importer/worker')
    importWorker.start()
    this.logger.info('Waiting for contact imports')

    await new Promise<void>((resolve) => {
      process.once('SIGTERM', resolve)
      process.once('SIGINT', resolve)
    })
    this.logger.info('Stopping: finishing the import in progress')
    await importWorker.stop()
    await this.terminate()
  }
}
