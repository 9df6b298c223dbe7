import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * A dispatcher worker for installations that scale out: run as many as the
 * providers' throughput warrants (MySQL claims keep them apart) and set
 * DISPATCHER_IN_PROCESS=false on the web processes. SIGTERM or SIGINT
 * finishes the texts in flight, then exits.
 */
export default class MessagesDispatch extends BaseCommand {
  static commandName = 'messages:dispatch'
  static description = 'Drain the outbox: send queued texts until stopped (SIGTERM-safe)'
  static options: CommandOptions = { startApp: true, staysAlive: true }

  @flags.number({ description: 'Provider calls in flight at once' })
  declare concurrency?: number

  async run() {
    const { Dispatcher } = await import('#services/outbox/dispatcher')
    const { startMessagingWork } = await import('#services/outbox/messaging_work')
    const dispatcher = startMessagingWork(
      new Dispatcher(this.concurrency ? { concurrency: this.concurrency } : {})
    )
    this.logger.info(`Dispatching as ${dispatcher.workerId}`)

    await new Promise<void>((resolve) => {
      process.once('SIGTERM', resolve)
      process.once('SIGINT', resolve)
    })
    this.logger.info('Stopping: finishing the texts in flight')
    await dispatcher.stop()
    await this.terminate()
  }
}
