import type IntegrationAccount from '#models/integration_account'
import { IntegrationError } from '#integrations/contract'
import { clientFor } from '#services/integrations/accounts'

/** "Test connection": null when the CRM accepts the credentials, otherwise why not. */
export default class TestIntegrationConnection {
  static async handle(account: IntegrationAccount): Promise<string | null> {
    try {
      const client = await clientFor(account)
      await client.testConnection()
      return null
    } catch (error) {
      if (error instanceof IntegrationError) return error.message
      throw error
    }
  }
}
