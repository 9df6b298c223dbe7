import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * A worker process for installations that scale out: runs every kind of
 * background job — contact imports, campaign exports, outbound webhook
 * deliveries, CRM sync (results and scheduled imports), the daily retention
 * pass, notification emails, and the outbox dispatcher (texts
 * people pressed Send on) with its sweeps. Run as many as
 * needed beside the web processes: each job is claimed by one worker, and a
 * job whose worker was killed is taken up by another (see docs/self-hosting.md
 * "Scaling out"). SIGTERM or SIGINT finishes the work in progress, then exits.
 */
export default class JobsWork extends BaseCommand {
  static commandName = 'jobs:work'
  static description =
    'Run background jobs (imports, exports, webhooks, CRM sync, retention, emails, outbox) until stopped'
  static options: CommandOptions = { startApp: true, staysAlive: true }

  @flags.boolean({
    description: 'Drain the outbox too (--no-dispatch leaves it to other workers)',
    default: true,
    showNegatedVariantInHelp: true,
  })
  declare dispatch: boolean

  async run() {
    const { default: importWorker } = await import('#services/importer/worker')
    const { default: exportWorker } = await import('#services/exports/worker')
    const { default: retentionWorker } = await import('#services/retention/worker')
    const { default: webhookDeliverer } = await import('#services/outbound_webhooks/deliverer')
    const { default: integrationWorker } = await import('#services/integrations/worker')
    const { default: notificationWorker } = await import('#services/notifications/worker')
    const { Dispatcher } = await import('#services/outbox/dispatcher')
    const { startMessagingWork } = await import('#services/outbox/messaging_work')
    const workers = [
      importWorker,
      exportWorker,
      retentionWorker,
      webhookDeliverer,
      integrationWorker,
      notificationWorker,
    ]
    for (const worker of workers) worker.start()
    const dispatcher = this.dispatch ? startMessagingWork(new Dispatcher()) : null
    this.logger.info(`Working on background jobs${dispatcher ? ` as ${dispatcher.workerId}` : ''}`)

    await new Promise<void>((resolve) => {
      process.once('SIGTERM', resolve)
      process.once('SIGINT', resolve)
    })
    this.logger.info('Stopping: finishing the work in progress')
    await Promise.all([...workers.map((worker) => worker.stop()), dispatcher?.stop()])
    await this.terminate()
  }
}
