import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Message from '#models/message'
import type { ProviderMessageStatus, SendResult } from '#sms/types'
import { claimRows } from '#services/db/row_locks'
import { sqlNow, sqlTime } from '#services/db/sql_time'
import { GroupCommit } from '#services/db/group_commit'
import { counterShard } from '#database/report_counters'
import { retryDeadlocks } from '#services/db/deadlocks'
import { recordFirstTextDelivery } from '#services/outbox/first_text_delivery'
import { recordMessageStatus, type StatusSubject } from '#services/outbound_webhooks/message_status'

/**
 * What the dispatcher needs of a claimed row (read as plain values: this
 * runs for every text, and model hydration would cost more than the send).
 */
export type ClaimedMessage = Pick<
  Message,
  | 'id'
  | 'organizationId'
  | 'providerAccountId'
  | 'contactId'
  | 'campaignId'
  | 'campaignContactId'
  | 'from'
  | 'to'
  | 'body'
  | 'media'
  | 'attempts'
  | 'purpose'
  | 'sentById'
  | 'errorCode'
> & {
  /** The text's stored pictures (message_media ids), in order: sent by signed link. */
  pictureIds: number[]
}

/**
 * Takes up to `limit` texts due at `dueBy` (the dispatcher's clock) for one
 * dispatcher, atomically: two dispatchers never get the same row.
 * MySQL/MariaDB lock the candidates with FOR UPDATE SKIP LOCKED, so workers
 * claim different rows in parallel; SQLite has one writer, and a single
 * conditional UPDATE claims. The rows come back "sending", stamped with
 * `token` and the claim time.
 */
export async function claimDue(
  token: string,
  limit: number,
  dueBy = new Date()
): Promise<ClaimedMessage[]> {
  const active = await db.from('provider_accounts').where('status', 'active').select('id')
  if (!active.length) return []
  const accountIds = active.map((row) => row.id as number)
  const now = sqlNow()
  const due = sqlTime(dueBy)
  const claim = { status: 'sending', claimed_at: now, claimed_by: token, updated_at: now }

  const dueRows = (query: any) =>
    query
      .from('messages')
      .where('status', 'queued')
      .where('direction', 'outbound')
      .whereIn('provider_account_id', accountIds)
      .where((when: any) => when.whereNull('next_attempt_at').orWhere('next_attempt_at', '<=', due))
      .orderBy('id')
      .limit(limit)
      .select('id')

  if (!(await claimRows('messages', dueRows, claim))) return []
  const rows = await db
    .from('messages')
    .where('claimed_by', token)
    .where('status', 'sending')
    .orderBy('id')
    .select(
      'id',
      'organization_id',
      'provider_account_id',
      'contact_id',
      'campaign_id',
      'campaign_contact_id',
      'from_phone',
      'to_phone',
      'body',
      'media',
      'attempts',
      'purpose',
      'sent_by_id',
      'error_code'
    )
  const pictures = await picturesOf(rows.map((row) => row.id))
  return rows.map((row): ClaimedMessage => ({
    id: row.id,
    organizationId: row.organization_id,
    providerAccountId: row.provider_account_id,
    contactId: row.contact_id,
    campaignId: row.campaign_id,
    campaignContactId: row.campaign_contact_id,
    from: row.from_phone,
    to: row.to_phone,
    body: row.body,
    media: row.media ? JSON.parse(row.media) : [],
    attempts: row.attempts,
    purpose: row.purpose,
    sentById: row.sent_by_id,
    errorCode: row.error_code,
    pictureIds: pictures.get(row.id) ?? [],
  }))
}

/** The ready pictures of each of these texts, in order. */
async function picturesOf(messageIds: number[]) {
  const byMessage = new Map<number, number[]>()
  if (!messageIds.length) return byMessage
  const rows = await db
    .from('message_media')
    .whereIn('message_id', messageIds)
    .where('status', 'ready')
    .orderBy('position')
    .select('id', 'message_id')
  for (const row of rows) {
    byMessage.set(row.message_id, [...(byMessage.get(row.message_id) ?? []), row.id])
  }
  return byMessage
}

/**
 * Hands claimed rows back to the queue untouched by any provider (waiting
 * for a pacing slot, or their account just stopped), due again at `dueAt`.
 */
export async function release(ids: number[], token: string, dueAt: string | null = null) {
  if (!ids.length) return
  await retryDeadlocks(() =>
    db
      .from('messages')
      .whereIn('id', ids)
      .where('claimed_by', token)
      .where('status', 'sending')
      .update({
        status: 'queued',
        claimed_at: null,
        claimed_by: null,
        next_attempt_at: dueAt,
        updated_at: sqlNow(),
      })
  )
}

/** Our status for what the provider said about a send it accepted. */
function acceptedStatus(status: ProviderMessageStatus) {
  return status === 'queued' ? 'sent' : status
}

type SentMessage = StatusSubject & Pick<Message, 'attempts' | 'campaignContactId'>
type Accepted = { message: SentMessage; result: SendResult }

async function writeSent({ message, result }: Accepted, trx: TransactionClientContract) {
  const now = sqlNow()
  const status = acceptedStatus(result.status)
  const written = await trx
    .from('messages')
    .where('id', message.id)
    .whereIn('status', ['sending', 'review'])
    .update({
      status,
      provider_message_id: result.providerMessageId,
      attempts: message.attempts + 1,
      sent_at: now,
      ...(status === 'delivered' ? { delivered_at: now } : {}),
      error_code: null,
      error_class: null,
      error_message: null,
      updated_at: now,
    })
  await recordFirstTextDelivery(trx, message.id, status)
  if (Number(Array.isArray(written) ? written[0] : written)) {
    await recordMessageStatus(trx, message, status)
  }
  return status
}

/** In the order of the counter shards the texts move, as sends are queued. */
const accepted = new GroupCommit(writeSent, ({ message }) => [
  counterShard(message.campaignContactId ?? message.id),
  message.campaignId ?? 0,
  message.id,
])

/**
 * The provider took the text. A row parked for review meanwhile (this
 * dispatcher was slower than the claim timeout) is settled too. Sends that
 * finish together are recorded in one transaction.
 */
export function recordSent(message: SentMessage, result: SendResult) {
  return accepted.add({ message, result })
}
