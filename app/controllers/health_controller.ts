import type { HttpContext } from '@adonisjs/core/http'
import { databaseHealth } from '#services/db/database_health'

export default class HealthController {
  /** Answers at once: a busy database is reported, not waited for. */
  async show({ response }: HttpContext) {
    const database = await databaseHealth.check()
    if (database === 'unreachable') {
      return response.serviceUnavailable({ status: 'error', database })
    }
    return response.ok({ status: 'ok', database })
  }
}
