import db from '@adonisjs/lucid/services/db'
import type IntegrationAccount from '#models/integration_account'
import type { ResultKind } from '#integrations/contract'
import { clock } from '#services/clock'
import { sqlTime } from '#services/db/sql_time'
import integrations from '#services/integrations/plugins'

/** Event types that can carry a result; the rest of the log is skipped. */
const RESULT_EVENTS = [
  'survey.answered',
  'conversation.tagged',
  'opt_out.created',
  'message.status',
]
const BATCH = 500

export type QueuedResult = {
  kind: ResultKind
  questionId?: string
  responseId?: string
  tagId?: string
  phone: string | null
  occurredAt: string
}

type Mapping = { campaign_id: number; kind: string; local_id: number; remote_id: string }
type Envelope = { timestamp: string; type: string; data: Record<string, any> }

/** The campaign mappings of an account, looked up by "campaign:kind:localId". */
async function mappingsOf(accountId: number) {
  const rows: Mapping[] = await db
    .from('integration_mappings')
    .where('account_id', accountId)
    .select('campaign_id', 'kind', 'local_id', 'remote_id')
  const byKey = new Map(
    rows.map((row) => [`${row.campaign_id}:${row.kind}:${row.local_id}`, row.remote_id])
  )
  return (campaignId: unknown, kind: string, localId: unknown) =>
    byKey.get(`${campaignId}:${kind}:${localId}`)
}

/** The results one event means for this account, by its campaign's mapping. */
function resultsOf(
  event: Envelope,
  mapped: Awaited<ReturnType<typeof mappingsOf>>
): QueuedResult[] {
  const { data } = event
  const base = { occurredAt: event.timestamp, phone: data.contact?.phone ?? null }
  switch (event.type) {
    case 'survey.answered': {
      const responseId = mapped(data.campaignId, 'answer', data.answer?.id)
      if (!responseId) return []
      const questionId = mapped(data.campaignId, 'question', data.question?.id)
      return [{ ...base, kind: 'survey_response', questionId, responseId }]
    }
    case 'conversation.tagged': {
      const tagId = mapped(data.campaignId, 'tag', data.tag?.id)
      const wrongNumber = mapped(data.campaignId, 'wrong_number', data.tag?.id)
      return [
        ...(tagId ? [{ ...base, kind: 'tag' as const, tagId }] : []),
        ...(wrongNumber ? [{ ...base, kind: 'wrong_number' as const }] : []),
      ]
    }
    case 'opt_out.created':
      // Opt-outs belong to the organization, not a campaign: every one is synced.
      return [{ ...base, kind: 'opt_out', phone: data.optOut?.phone ?? base.phone }]
    case 'message.status':
      return data.message?.status === 'sent' && mapped(data.campaignId, 'texted', 0)
        ? [{ ...base, kind: 'texted', phone: data.message.to }]
        : []
    default:
      return []
  }
}

/**
 * Reads the organization's event log past the account's cursor and queues
 * the results its mapping asks for. The queue rows and the cursor move in
 * one transaction, so a restart neither skips nor repeats an event, and
 * workers reading the same account at once queue each event once.
 * Returns how many results were queued.
 */
export async function collectResults(account: IntegrationAccount): Promise<number> {
  const plugin = await integrations.plugin(account.plugin)
  const accepted = new Set(plugin.manifest.results)
  const mapped = await mappingsOf(account.id)
  let queued = 0

  for (;;) {
    const events = await db
      .from('domain_events')
      .where('organization_id', account.organizationId)
      .where('id', '>', account.eventCursor)
      .whereIn('type', RESULT_EVENTS)
      .orderBy('id')
      .limit(BATCH)
      .select('id', 'contact_id', 'payload')
    if (!events.length) return queued

    const now = sqlTime(clock.now())
    const rows = events.flatMap((event) =>
      resultsOf(JSON.parse(event.payload), mapped)
        .filter((result) => accepted.has(result.kind))
        .map((result) => ({
          account_id: account.id,
          event_id: event.id,
          contact_id: event.contact_id,
          kind: result.kind,
          payload: JSON.stringify(result),
          status: 'pending',
          attempts: 0,
          next_attempt_at: now,
          created_at: now,
        }))
    )
    const cursor = events[events.length - 1].id
    // The cursor moves only from where this read began: when another worker
    // queued these events first, nothing is written and reading resumes at its cursor.
    const moved = await db.transaction(async (trx) => {
      const updated = await trx
        .from('integration_accounts')
        .where('id', account.id)
        .where('event_cursor', account.eventCursor)
        .update({ event_cursor: cursor })
      if (!Number(Array.isArray(updated) ? updated[0] : updated)) return false
      if (rows.length) await trx.insertQuery().table('integration_sync_items').multiInsert(rows)
      return true
    })
    if (!moved) {
      await account.refresh()
      continue
    }
    account.eventCursor = cursor
    queued += rows.length
  }
}

/** Where a new account starts reading: after the log's last event (history is not replayed). */
export async function latestEventId(organizationId: number): Promise<number> {
  const row = await db
    .from('domain_events')
    .where('organization_id', organizationId)
    .max('id as id')
    .first()
  return Number(row?.id ?? 0)
}
