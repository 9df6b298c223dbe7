import db from '@adonisjs/lucid/services/db'
import ProviderAccount from '#models/provider_account'
import { audit } from '#services/audit'
import { forgetAccount } from '#services/provider_accounts/clients'
import { sqlNow } from '#services/db/sql_time'

/**
 * Stops every send from an account the provider refuses to work with
 * (revoked credentials, unregistered sender, suspended account). Queued
 * texts stay queued until an admin fixes the account and turns it back on;
 * the Providers page shows the reason. Only the first failure of a burst
 * disables and audits.
 */
export async function disableProviderAccount(accountId: number, reason: string) {
  const disabled = await db.transaction(async (trx) => {
    const changed = await trx
      .from('provider_accounts')
      .where('id', accountId)
      .where('status', 'active')
      .update({ status: 'disabled', status_reason: reason.slice(0, 255), updated_at: sqlNow() })
    if (!changed) return false
    const account = await ProviderAccount.findOrFail(accountId, { client: trx })
    await audit(
      {
        organizationId: account.organizationId,
        userId: null,
        action: 'provider_account.disabled',
        subject: { type: 'provider_account', id: account.id },
        details: { reason },
      },
      trx
    )
    return true
  })
  forgetAccount(accountId)
  return disabled
}
