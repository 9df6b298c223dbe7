import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * A webhook delivery worker for installations that scale out (claims keep
 * any number of them apart). SIGTERM or SIGINT finishes the deliveries in
 * flight, then exits; one cut short is retried with the same webhook-id.
 */
export default class WebhooksDeliver extends BaseCommand {
  static commandName = 'webhooks:deliver'
  static description = 'Deliver queued outbound webhooks until stopped (SIGTERM-safe)'
  static options: CommandOptions = { startApp: true, staysAlive: true }

  async run() {
    const { default: deliverer } = await import('#services/outbound_webhooks/deliverer')
    deliverer.start()
    this.logger.info(`Delivering webhooks as ${deliverer.workerId}`)
    await new Promise<void>((resolve) => {
      process.once('SIGTERM', resolve)
      process.once('SIGINT', resolve)
    })
    this.logger.info('Stopping: finishing the deliveries in flight')
    await deliverer.stop()
    await this.terminate()
  }
}
