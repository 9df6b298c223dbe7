import app from '@adonisjs/core/services/app'
import type { SmsManager } from '#sms/manager'

/**
 * The SMS plugin manager: `await sms.client(accountConfig)` to send,
 * `await sms.plugin(id)` for a manifest.
 */
let sms: SmsManager

await app.booted(async () => {
  sms = await app.container.make('sms.manager')
})

export { sms as default }
