import db from '@adonisjs/lucid/services/db'
import { isUniqueViolation } from '#services/unique_violation'
import { sqlNow } from '#services/sql_time'

export type WebhookEventRow = {
  organization_id: number
  provider_account_id: number
  dedupe_key: string
  kind: string
  payload: string
  status: 'pending' | 'failed'
  error: string | null
}

type Waiting = {
  row: WebhookEventRow
  resolve: (id: number | null) => void
  reject: (error: unknown) => void
}

let waiting: Waiting[] = []
let flushing = false

/**
 * Writes every event that arrived meanwhile in one transaction (a group
 * commit): under a burst of webhooks each request still waits until its own
 * event is durably stored before it is answered, but the database commits
 * once per burst instead of once per request.
 */
async function flush() {
  while (waiting.length) {
    const batch = waiting
    waiting = []
    try {
      const ids = await db.transaction(async (trx) => {
        const inserted: Array<number | null> = []
        for (const { row } of batch) {
          const now = sqlNow()
          try {
            const [id] = await trx
              .insertQuery()
              .table('webhook_events')
              .insert({ ...row, created_at: now, updated_at: now })
            inserted.push(Number(id))
          } catch (error) {
            if (!isUniqueViolation(error)) throw error
            inserted.push(null)
          }
        }
        return inserted
      })
      batch.forEach(({ resolve }, index) => resolve(ids[index]))
    } catch (error) {
      batch.forEach(({ reject }) => reject(error))
    }
  }
  flushing = false
}

/**
 * Stores a webhook event; resolves with its id, or null when an event with
 * the same dedupe key is already stored (a repeated delivery).
 */
export function storeWebhookEvent(row: WebhookEventRow) {
  return new Promise<number | null>((resolve, reject) => {
    waiting.push({ row, resolve, reject })
    if (!flushing) setImmediate(flush)
    flushing = true
  })
}
