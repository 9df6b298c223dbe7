import type { ApplicationService } from '@adonisjs/core/types'

/**
 * Delivers outbound webhooks inside the web server (not for ace commands,
 * code generation or tests), unless DISPATCHER_IN_PROCESS=false hands the
 * queue to `node ace webhooks:deliver` workers. Stops gracefully on shutdown.
 */
export default class WebhookDeliveryProvider {
  #started = false

  constructor(protected app: ApplicationService) {}

  async ready() {
    if (this.app.getEnvironment() !== 'web') return
    const { default: webhooksConfig } = await import('#config/webhooks')
    if (!webhooksConfig.inProcess) return
    const { default: deliverer } = await import('#services/outbound_webhooks/deliverer')
    deliverer.start()
    this.#started = true
  }

  async shutdown() {
    if (!this.#started) return
    const { default: deliverer } = await import('#services/outbound_webhooks/deliverer')
    await deliverer.stop()
  }
}
