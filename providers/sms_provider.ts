import { configProvider } from '@adonisjs/core'
import { RuntimeException } from '@adonisjs/core/exceptions'
import type { ApplicationService } from '@adonisjs/core/types'
import { SmsManager } from '#sms/manager'

/**
 * Binds the SMS plugin manager, built from config/sms.ts.
 */
export default class SmsProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton('sms.manager', async () => {
      const config = await configProvider.resolve<ConstructorParameters<typeof SmsManager>[0]>(
        this.app,
        this.app.config.get('sms', {})
      )
      if (!config) {
        throw new RuntimeException(
          'Invalid "config/sms.ts" file. Make sure you are using the "defineConfig" method'
        )
      }
      return new SmsManager(config)
    })
  }
}

declare module '@adonisjs/core/types' {
  export interface ContainerBindings {
    'sms.manager': SmsManager
  }
}
