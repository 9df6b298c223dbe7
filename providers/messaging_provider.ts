import type { ApplicationService } from '@adonisjs/core/types'
import type { Dispatcher } from '#services/outbox/dispatcher'

/**
 * Starts the in-process outbox dispatcher when the app runs as a web server
 * (not for ace commands, code generation or tests), unless
 * DISPATCHER_IN_PROCESS=false hands the outbox to `node ace messages:dispatch`
 * workers. Stops it gracefully on shutdown.
 */
export default class MessagingProvider {
  #dispatcher?: Dispatcher

  constructor(protected app: ApplicationService) {}

  async ready() {
    if (this.app.getEnvironment() !== 'web') return
    const { default: messagingConfig } = await import('#config/messaging')
    if (!messagingConfig.dispatcher.inProcess) return
    const { startMessagingWork } = await import('#services/outbox/messaging_work')
    this.#dispatcher = startMessagingWork()
  }

  /** Texts in flight and webhook events already accepted are recorded before the database closes. */
  async shutdown() {
    if (this.app.getEnvironment() !== 'web') return
    const { default: webhookProcessor } = await import('#services/webhooks/processor')
    await Promise.all([this.#dispatcher?.stop(), webhookProcessor.idle()])
  }
}
