import type ProviderAccount from '#models/provider_account'
import { findRegistration, refreshRegistration } from '#services/registration/registrations'

/** Asks the provider now about the account's pending brand and campaign. */
export default class RefreshRegistrations {
  static async handle(account: ProviderAccount) {
    for (const kind of ['brand', 'campaign'] as const) {
      const row = await findRegistration(account, kind)
      if (row) await refreshRegistration(row)
    }
  }
}
