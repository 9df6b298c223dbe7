import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { isUniqueViolation } from '#services/db/unique_violation'
import { GroupCommit } from '#services/db/group_commit'
import { sqlNow } from '#services/db/sql_time'

export type WebhookEventRow = {
  organization_id: number
  provider_account_id: number
  dedupe_key: string
  kind: string
  payload: string
  status: 'pending' | 'failed'
  error: string | null
}

async function insert(row: WebhookEventRow, trx: TransactionClientContract) {
  const now = sqlNow()
  try {
    const [id] = await trx
      .insertQuery()
      .table('webhook_events')
      .insert({ ...row, created_at: now, updated_at: now })
    return Number(id)
  } catch (error) {
    if (isUniqueViolation(error)) return null
    throw error
  }
}

const events = new GroupCommit(insert)

/**
 * Stores a webhook event before the provider is answered; resolves with its
 * id, or null when an event with the same dedupe key is already stored (a
 * repeated delivery). Bursts of webhooks are committed together.
 */
export function storeWebhookEvent(row: WebhookEventRow) {
  return events.add(row)
}
