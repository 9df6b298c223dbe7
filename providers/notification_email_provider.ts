import type { ApplicationService } from '@adonisjs/core/types'

/**
 * Sends notification emails inside the web server (not for ace commands,
 * code generation or tests), unless DISPATCHER_IN_PROCESS=false hands them
 * to `node ace jobs:work` workers. Stops gracefully on shutdown.
 */
export default class NotificationEmailProvider {
  #started = false

  constructor(protected app: ApplicationService) {}

  async ready() {
    if (this.app.getEnvironment() !== 'web') return
    const { default: messagingConfig } = await import('#config/messaging')
    if (!messagingConfig.dispatcher.inProcess) return
    const { default: notificationWorker } = await import('#services/notifications/worker')
    notificationWorker.start()
    this.#started = true
  }

  async shutdown() {
    if (!this.#started) return
    const { default: notificationWorker } = await import('#services/notifications/worker')
    await notificationWorker.stop()
  }
}
