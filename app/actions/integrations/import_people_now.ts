import type IntegrationAccount from '#models/integration_account'
import { runImport } from '#services/integrations/people_import'

/**
 * "Import now": reads what the CRM has ready at once; a run that must wait
 * (an export job being prepared, a rate limit) is finished by the worker.
 */
export default class ImportPeopleNow {
  static handle(account: IntegrationAccount) {
    return runImport(account)
  }
}
