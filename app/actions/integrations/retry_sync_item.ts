import type IntegrationAccount from '#models/integration_account'
import { retryResult } from '#services/integrations/results_queue'

/** "Retry" in the sync log: a failed result is queued again, due now. Returns whether one was. */
export default class RetrySyncItem {
  static async handle(account: IntegrationAccount, itemId: unknown) {
    const id = Number(itemId)
    if (!Number.isSafeInteger(id)) return false
    return Number(await retryResult(account.id, id)) > 0
  }
}
