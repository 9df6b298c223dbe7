/**
 * The reporting counters and the triggers that keep them (migrations 5400
 * and 5410).
 *
 * Each counter spec says, for one source table, which counter row a source
 * row belongs to (`keys`) and what it adds to it (`values`, SQL over the row).
 * A trigger adds a new row's values, subtracts a deleted row's, and on update
 * moves the difference — so counters change in the same transaction as the
 * rows they count, from whichever code wrote them, and stay exact however many
 * processes write at once (MySQL locks the counter row; SQLite has one writer).
 */
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

export type Dialect = 'sqlite' | 'mysql'
type Row = 'NEW' | 'OLD' | 'r'
type Expr = (row: Row) => string

type CounterSpec = {
  name: string
  source: 'campaign_contacts' | 'messages' | 'survey_responses'
  table: string
  keys: Record<string, Expr>
  values: Record<string, Expr>
}

const when = (condition: Expr, value: Expr | string = '1'): Expr => {
  return (row) => {
    const then = typeof value === 'string' ? value : value(row)
    return `(CASE WHEN ${condition(row)} THEN ${then} ELSE 0 END)`
  }
}
const equals = (column: string, value: string) => when((row) => `${row}.${column} = '${value}'`)
const column =
  (name: string): Expr =>
  (row) =>
    `${row}.${name}`

/**
 * Each migration builds the counters of its own version, so a later change
 * never alters what an earlier migration does: 1 is migration 5400; 2
 * (migration 5410) adds the first texts our own last checks stopped before
 * the provider saw them — failed, by their own reasons, and not counted as
 * sent.
 */
export type CounterVersion = 1 | 2 | 3
export const LATEST_COUNTERS: CounterVersion = 3

/**
 * From version 3 (migration 5950) the counters every send moves — a
 * campaign's, a variant's, an hour's — are split into this many rows per
 * key, chosen by the source row's id: concurrent sends for other contacts
 * update other rows instead of queueing on one, a row's later changes land
 * on the same shard, and readers sum the shards. A text counts on its
 * campaign contact's shard, so one contact's send touches one shard of each
 * table and two sends never take the same rows in opposite orders.
 */
export const COUNTER_SHARDS = 16

/**
 * The shard a text's or a campaign contact's counts land on: its campaign
 * contact's id (a text without one: its own), as the triggers choose it.
 * Writes sorted by it take the counters' rows in one order.
 */
export function counterShard(campaignContactId: number) {
  return campaignContactId % COUNTER_SHARDS
}
export const SHARDED_COUNTER_TABLES = [
  'report_campaign_counters',
  'report_variant_counters',
  'report_activity',
]
const SHARD_SOURCE: Record<CounterSpec['source'], Expr> = {
  campaign_contacts: (row) => `${row}.id`,
  messages: (row) => `COALESCE(${row}.campaign_contact_id, ${row}.id)`,
  survey_responses: (row) => `${row}.id`,
}
const shardOf =
  (source: CounterSpec['source']): Expr =>
  (row) =>
    `(${SHARD_SOURCE[source](row)} % ${COUNTER_SHARDS})`

// The values as the migrations count them (a migration keeps its own copy).
const STATUSES = [
  'needs_message',
  'messaged',
  'needs_response',
  'conversing',
  'closed',
  'opted_out',
  'failed',
]
const DELIVERIES = ['queued', 'sent', 'delivered', 'failed']
const PROVIDER_FAILURE_REASONS = [
  'landline',
  'invalid',
  'carrier_filtered',
  'carrier_opt_out',
  'other',
]
/** Failures of first texts that never reached the provider (counted from version 2). */
export const NOT_HANDED_OVER = ['opted_out', 'texting_hours']
const FAILURE_REASONS: Record<CounterVersion, string[]> = {
  1: PROVIDER_FAILURE_REASONS,
  2: [...PROVIDER_FAILURE_REASONS, ...NOT_HANDED_OVER],
  3: [...PROVIDER_FAILURE_REASONS, ...NOT_HANDED_OVER],
}
const SENTIMENTS = ['positive', 'neutral', 'negative']

/** "Sent": the first text reached the provider, whatever became of it. */
const handedOverSince2: Expr = (row) =>
  `(${row}.delivery IN ('sent', 'delivered') OR (${row}.delivery = 'failed' AND ` +
  `COALESCE(${row}.failure_reason, 'other') NOT IN (${NOT_HANDED_OVER.map((r) => `'${r}'`).join(', ')})))`
const HANDED_OVER: Record<CounterVersion, Expr> = {
  1: (row) => `${row}.delivery IN ('sent', 'delivered', 'failed')`,
  2: handedOverSince2,
  3: handedOverSince2,
}
const replied = (row: Row) => `${row}.replied_at IS NOT NULL`
const campaignText = (row: Row) => `${row}.campaign_id IS NOT NULL`
const outboundAccepted = (row: Row) =>
  `${campaignText(row)} AND ${row}.direction = 'outbound' AND ${row}.sent_at IS NOT NULL`
const inbound = (row: Row) => `${campaignText(row)} AND ${row}.direction = 'inbound'`
/** A texter's answer to a reply (the inbound flow stamps how long it took). */
const texterReply = (row: Row) =>
  `${campaignText(row)} AND ${row}.direction = 'outbound' AND ${row}.response_seconds IS NOT NULL AND ${row}.sent_by_id IS NOT NULL`

/**
 * Reply times are counted in buckets: to the second under a minute, to 10 s
 * under 10 minutes, to the minute under an hour, to 10 minutes under a day,
 * then to the hour. The bucket is its lower bound.
 */
export const REPLY_TIME_BUCKETS = [
  { below: 60, step: 1 },
  { below: 600, step: 10 },
  { below: 3600, step: 60 },
  { below: 86400, step: 600 },
  { below: Infinity, step: 3600 },
]
const bucket: Expr = (row) => {
  const seconds = `${row}.response_seconds`
  const cases = REPLY_TIME_BUCKETS.map(({ below, step }) =>
    below === Infinity
      ? `ELSE ${seconds} - ${seconds} % ${step}`
      : `WHEN ${seconds} < ${below} THEN ${seconds} - ${seconds} % ${step}`
  )
  return `(CASE ${cases.join(' ')} END)`
}
/** "YYYY-MM-DD HH" of a timestamp (MySQL reads a TIMESTAMP as that text too). */
const hourOf =
  (name: string): Expr =>
  (row) =>
    `SUBSTR(${row}.${name}, 1, 13)`

/** The counters of `version`. */
export function counterSpecs(version: CounterVersion = LATEST_COUNTERS): CounterSpec[] {
  const handedOver = HANDED_OVER[version]
  const specs: CounterSpec[] = [
    {
      name: 'cc_campaign',
      source: 'campaign_contacts',
      table: 'report_campaign_counters',
      keys: { campaign_id: column('campaign_id') },
      values: {
        targeted: () => '1',
        ...Object.fromEntries(STATUSES.map((s) => [`status_${s}`, equals('status', s)])),
        ...Object.fromEntries(DELIVERIES.map((d) => [`delivery_${d}`, equals('delivery', d)])),
        ...Object.fromEntries(
          FAILURE_REASONS[version].map((reason) => [
            `failed_${reason}`,
            when(
              (row) =>
                `${row}.delivery = 'failed' AND COALESCE(${row}.failure_reason, 'other') = '${reason}'`
            ),
          ])
        ),
        replied: when(replied),
        ...Object.fromEntries(SENTIMENTS.map((s) => [`sentiment_${s}`, equals('sentiment', s)])),
      },
    },
    {
      name: 'cc_variant',
      source: 'campaign_contacts',
      table: 'report_variant_counters',
      keys: {
        campaign_id: column('campaign_id'),
        variant_id: (row) => `COALESCE(${row}.variant_id, 0)`,
      },
      values: {
        sent: when(handedOver),
        delivered: equals('delivery', 'delivered'),
        replied: when(replied),
        opted_out: equals('status', 'opted_out'),
      },
    },
    {
      name: 'cc_texter',
      source: 'campaign_contacts',
      table: 'report_texter_counters',
      keys: { campaign_id: column('campaign_id'), user_id: column('messaged_by_id') },
      values: { sent: when((row) => `${row}.messaged_by_id IS NOT NULL AND ${handedOver(row)}`) },
    },
    {
      name: 'msg_campaign',
      source: 'messages',
      table: 'report_campaign_counters',
      keys: { campaign_id: column('campaign_id') },
      values: {
        texts_out: when(outboundAccepted),
        texts_in: when(inbound),
        segments_sent: when(outboundAccepted, column('segments')),
      },
    },
    {
      name: 'msg_out_hour',
      source: 'messages',
      table: 'report_activity',
      keys: { campaign_id: column('campaign_id'), hour: hourOf('sent_at') },
      values: {
        texts_out: when(outboundAccepted),
        segments: when(outboundAccepted, column('segments')),
      },
    },
    {
      name: 'msg_in_hour',
      source: 'messages',
      table: 'report_activity',
      keys: { campaign_id: column('campaign_id'), hour: hourOf('created_at') },
      values: { texts_in: when(inbound) },
    },
    {
      name: 'msg_texter',
      source: 'messages',
      table: 'report_texter_counters',
      keys: { campaign_id: column('campaign_id'), user_id: column('sent_by_id') },
      values: { replies: when(texterReply) },
    },
    {
      name: 'msg_reply_time',
      source: 'messages',
      table: 'report_reply_times',
      keys: {
        campaign_id: column('campaign_id'),
        user_id: column('sent_by_id'),
        bucket_seconds: bucket,
      },
      values: { replies: when(texterReply) },
    },
    {
      name: 'survey',
      source: 'survey_responses',
      table: 'report_survey_counters',
      keys: {
        campaign_id: column('campaign_id'),
        question_step_id: column('question_step_id'),
        answer_step_id: column('answer_step_id'),
      },
      values: { answers: () => '1' },
    },
  ]
  if (version < 3) return specs
  return specs.map((spec) =>
    SHARDED_COUNTER_TABLES.includes(spec.table)
      ? { ...spec, keys: { ...spec.keys, shard: shardOf(spec.source) } }
      : spec
  )
}

/** The value columns of a counter table (what a reader sums over its shards). */
export function counterColumns(table: string, version: CounterVersion = LATEST_COUNTERS) {
  const columns = counterSpecs(version)
    .filter((spec) => spec.table === table)
    .flatMap((spec) => Object.keys(spec.values))
  return [...new Set(columns)]
}

/** Adds `values` (SQL, one per value column) to the counter row at `keys`, when `condition` holds. */
function upsert(
  dialect: Dialect,
  spec: CounterSpec,
  keys: string[],
  values: string[],
  condition: string
) {
  const keyColumns = Object.keys(spec.keys)
  const valueColumns = Object.keys(spec.values)
  const columns = [...keyColumns, ...valueColumns].join(', ')
  if (dialect === 'sqlite') {
    const add = valueColumns.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')
    return (
      `INSERT INTO ${spec.table} (${columns}) SELECT ${[...keys, ...values].join(', ')} ` +
      `WHERE ${condition} ON CONFLICT (${keyColumns.join(', ')}) DO UPDATE SET ${add};`
    )
  }
  const add = valueColumns.map((c) => `${c} = ${c} + VALUES(${c})`).join(', ')
  return (
    `IF ${condition} THEN INSERT INTO ${spec.table} (${columns}) ` +
    `VALUES (${[...keys, ...values].join(', ')}) ON DUPLICATE KEY UPDATE ${add}; END IF;`
  )
}

const anyNonZero = (values: string[]) => `(${values.map((v) => `${v} <> 0`).join(' OR ')})`

function statementsFor(dialect: Dialect, spec: CounterSpec, event: 'insert' | 'delete' | 'update') {
  const keys = (row: Row) => Object.values(spec.keys).map((key) => key(row))
  const values = (row: Row) => Object.values(spec.values).map((value) => value(row))
  if (event === 'insert')
    return [upsert(dialect, spec, keys('NEW'), values('NEW'), anyNonZero(values('NEW')))]
  if (event === 'delete') {
    const negated = values('OLD').map((v) => `-${v}`)
    return [upsert(dialect, spec, keys('OLD'), negated, anyNonZero(values('OLD')))]
  }
  const same = (a: string, b: string) => (dialect === 'sqlite' ? `${a} IS ${b}` : `${a} <=> ${b}`)
  const sameKeys = `(${keys('NEW')
    .map((key, i) => same(key, keys('OLD')[i]))
    .join(' AND ')})`
  // Same counter row: add the difference. Another row: move the old values out.
  const deltas = values('NEW').map(
    (value, i) => `(${value} - (CASE WHEN ${sameKeys} THEN ${values('OLD')[i]} ELSE 0 END))`
  )
  const negated = values('OLD').map((v) => `-${v}`)
  return [
    upsert(dialect, spec, keys('NEW'), deltas, anyNonZero(deltas)),
    upsert(dialect, spec, keys('OLD'), negated, `NOT ${sameKeys} AND ${anyNonZero(values('OLD'))}`),
  ]
}

/** The triggers of `version`, one per source table and event, with the SQL to drop each. */
export function counterTriggers(dialect: Dialect, version: CounterVersion = LATEST_COUNTERS) {
  const specs = counterSpecs(version)
  const sources = [...new Set(specs.map((spec) => spec.source))]
  return sources.flatMap((source) =>
    (['insert', 'update', 'delete'] as const).map((event) => {
      const name = `report_${source}_${event}`
      const body = specs
        .filter((spec) => spec.source === source)
        .flatMap((spec) => statementsFor(dialect, spec, event))
        .join('\n  ')
      return {
        create: `CREATE TRIGGER ${name} AFTER ${event.toUpperCase()} ON ${source} FOR EACH ROW BEGIN\n  ${body}\nEND`,
        drop: `DROP TRIGGER IF EXISTS ${name}`,
      }
    })
  )
}

/** Fills the counters of `version` from rows written before the triggers existed. */
export function counterBackfill(dialect: Dialect, version: CounterVersion = LATEST_COUNTERS) {
  return counterSpecs(version).map((spec) => {
    const keys = Object.values(spec.keys).map((key) => key('r'))
    const sums = Object.values(spec.values).map((value) => `SUM(${value('r')})`)
    const keyColumns = Object.keys(spec.keys)
    const valueColumns = Object.keys(spec.values)
    const select =
      `SELECT ${[...keys, ...sums].join(', ')} FROM ${spec.source} r ` +
      `WHERE ${keys.map((key) => `${key} IS NOT NULL`).join(' AND ')} GROUP BY ${keys.join(', ')}`
    const insert = `INSERT INTO ${spec.table} (${[...keyColumns, ...valueColumns].join(', ')}) ${select}`
    return dialect === 'sqlite'
      ? `${insert} ON CONFLICT (${keyColumns.join(', ')}) DO UPDATE SET ${valueColumns.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`
      : `${insert} ON DUPLICATE KEY UPDATE ${valueColumns.map((c) => `${c} = ${c} + VALUES(${c})`).join(', ')}`
  })
}

/**
 * First texts refused by the dispatcher's last checks before counters
 * version 2 left their campaign contact "queued" for good: settles them as
 * failed with the reason the checks gave (the triggers then move the
 * counters). Answers how many campaign contacts changed.
 */
export async function settleRefusedFirstTexts(db: QueryClientContract) {
  const reasons = { opted_out: 'opted_out', outside_texting_hours: 'texting_hours' } as const
  let settled = 0
  for (const [code, reason] of Object.entries(reasons)) {
    const changed = await db
      .from('campaign_contacts')
      .where('delivery', 'queued')
      .whereIn(
        'id',
        db
          .from('messages')
          .where('purpose', 'campaign_initial')
          .where('status', 'failed')
          .where('error_code', code)
          .whereNotNull('campaign_contact_id')
          .select('campaign_contact_id')
      )
      .update({ delivery: 'failed', failure_reason: reason })
    settled += Number(Array.isArray(changed) ? changed[0] : changed)
  }
  return settled
}
