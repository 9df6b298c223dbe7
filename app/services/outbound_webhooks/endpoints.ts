import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { audit } from '#services/audit'
import { sqlTime } from '#services/db/sql_time'

/**
 * Stops deliveries to an endpoint that asked for it (410 Gone) or has
 * failed for a day, saying why on its page and in the audit trail. Its
 * pending deliveries stay queued for when an admin enables it again.
 */
export async function disableEndpoint(
  trx: TransactionClientContract,
  endpointId: number,
  reason: string,
  at: Date
) {
  const endpoint = await trx
    .from('webhook_endpoints')
    .where('id', endpointId)
    .where('enabled', true)
    .select('id', 'organization_id', 'url')
    .first()
  if (!endpoint) return
  await trx
    .from('webhook_endpoints')
    .where('id', endpointId)
    .update({ enabled: false, disabled_reason: reason, updated_at: sqlTime(at) })
  await audit(
    {
      organizationId: endpoint.organization_id,
      userId: null,
      action: 'webhook_endpoint.disabled',
      subject: { type: 'webhook_endpoint', id: endpointId },
      details: { url: endpoint.url, reason },
    },
    trx
  )
}
