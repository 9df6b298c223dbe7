import { randomBytes } from 'node:crypto'
import type IntegrationAccount from '#models/integration_account'
import { runClaimedImport } from '#services/integrations/people_import'

/**
 * "Import now": reads what the CRM has ready at once; a run that must wait
 * (an export job being prepared, a rate limit) is finished by the worker,
 * and so is a run a worker is already doing.
 */
export default class ImportPeopleNow {
  static async handle(account: IntegrationAccount) {
    const token = `import-now#${randomBytes(4).toString('hex')}`
    return (await runClaimedImport(account, token, false)) ?? 'waiting'
  }
}
