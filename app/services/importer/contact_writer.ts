import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { RawQueryBindings } from '@adonisjs/lucid/types/querybuilder'
import type { ContactDraft } from '#services/importer/normalize'
import { localityOf } from '#services/timezones/index'
import {
  recordContactEvents,
  type ContactEventSource,
} from '#services/outbound_webhooks/contact_events'
import { sqlTime } from '#services/db/sql_time'

/**
 * Writes one batch of an import in the caller's transaction: a few indexed
 * queries and multi-row statements per batch, never one query per row.
 */

type ExistingContact = {
  id: number
  phone: string
  first_name: string | null
  last_name: string | null
  email: string | null
  zip: string | null
  external_id: string | null
  custom_fields: string | null
  opt_in_source: string | null
  /** A string on SQLite, a Date on MySQL. */
  opt_in_at: string | Date | null
}

export type BatchResult = {
  created: number
  updated: number
  optedOut: ContactDraft[]
  /** Phones written that the organization already had. */
  known: Set<string>
}

function storedTime(value: string | Date | null | undefined) {
  if (value === null || value === undefined) return null
  return value instanceof Date ? sqlTime(value) : value
}

function parseCustomFields(value: string | null): Record<string, string> {
  return value ? JSON.parse(value) : {}
}

/** The columns an import writes, in the order of `contactValues`. */
export const COLUMNS = [
  'organization_id',
  'phone',
  'first_name',
  'last_name',
  'email',
  'zip',
  'state',
  'timezone',
  'timezone_candidates',
  'external_id',
  'custom_fields',
  'opt_in_source',
  'opt_in_at',
  'unknown_sender',
  'erased_at',
  'created_at',
  'updated_at',
]
/** What an import overwrites on a phone the organization already has: all but its identity and creation time. */
const UPDATABLE = COLUMNS.filter(
  (column) => !['organization_id', 'phone', 'created_at'].includes(column)
)
type Value = string | number | null

/** One contact's values (see COLUMNS). A file's empty cell keeps what the organization already had. */
function contactValues(
  organizationId: number,
  draft: ContactDraft,
  existing: ExistingContact | undefined,
  now: string
): Value[] {
  const zip = draft.zip ?? existing?.zip ?? null
  const locality = localityOf(zip, draft.phone)
  const customFields = existing?.custom_fields
    ? { ...parseCustomFields(existing.custom_fields), ...draft.customFields }
    : draft.customFields
  return [
    organizationId,
    draft.phone,
    draft.firstName ?? existing?.first_name ?? null,
    draft.lastName ?? existing?.last_name ?? null,
    draft.email ?? existing?.email ?? null,
    zip,
    locality.state,
    locality.timezone,
    locality.candidates.length ? locality.candidates.join(',') : null,
    draft.externalId ?? existing?.external_id ?? null,
    Object.keys(customFields).length ? JSON.stringify(customFields) : null,
    draft.optInSource ?? existing?.opt_in_source ?? null,
    draft.optInAt ? sqlTime(draft.optInAt) : storedTime(existing?.opt_in_at),
    0,
    null,
    now,
    now,
  ]
}

/** Rows per statement: keeps bound parameters under SQLite's and MySQL's limits. */
const STATEMENT_ROWS = 1000

/**
 * Splits into statements of 1000 rows, then powers of two. The connection
 * keeps prepared statements by SQL text (config/database.ts), and one for
 * 1000 rows weighs over a megabyte: a handful of sizes keeps that bounded
 * however many imports of odd lengths run.
 */
function chunks<T>(items: T[]) {
  const result: T[][] = []
  let start = 0
  while (start < items.length) {
    const left = items.length - start
    const size = left >= STATEMENT_ROWS ? STATEMENT_ROWS : 2 ** Math.floor(Math.log2(left))
    result.push(items.slice(start, start + size))
    start += size
  }
  return result
}

export async function writeBatch(
  trx: TransactionClientContract,
  organizationId: number,
  listId: number | null,
  drafts: ContactDraft[],
  source: ContactEventSource
): Promise<BatchResult> {
  const known = new Set<string>()
  if (drafts.length === 0) return { created: 0, updated: 0, optedOut: [], known }
  const phones = drafts.map((draft) => draft.phone)

  const optedOutPhones = new Set<string>()
  const existing = new Map<string, ExistingContact>()
  for (const chunk of chunks(phones)) {
    const optOuts = await trx
      .from('opt_outs')
      .where('organization_id', organizationId)
      .whereIn('phone', chunk)
      .select('phone')
    optOuts.forEach((row: { phone: string }) => optedOutPhones.add(row.phone))

    const contacts: ExistingContact[] = await trx
      .from('contacts')
      .where('organization_id', organizationId)
      .whereIn('phone', chunk)
      .select(
        'id',
        'phone',
        'first_name',
        'last_name',
        'email',
        'zip',
        'external_id',
        'custom_fields',
        'opt_in_source',
        'opt_in_at'
      )
    contacts.forEach((contact) => existing.set(contact.phone, contact))
  }

  const now = DateTime.now().toFormat(trx.dialect.dateTimeFormat)
  const optedOut: ContactDraft[] = []
  const rows: { phone: string; values: Value[] }[] = []
  for (const draft of drafts) {
    // Opted out: never made textable, and an existing contact is left as it is.
    if (optedOutPhones.has(draft.phone)) {
      optedOut.push(draft)
      continue
    }
    const found = existing.get(draft.phone)
    if (found) known.add(draft.phone)
    rows.push({ phone: draft.phone, values: contactValues(organizationId, draft, found, now) })
  }

  for (const chunk of chunks(rows)) {
    await trx.rawQuery(
      upsertSql(trx.dialect.name, chunk.length),
      // NULL binds fine; Lucid's binding type just does not list it.
      chunk.flatMap((row) => row.values) as unknown as RawQueryBindings
    )
    const chunkPhones = chunk.map((row) => row.phone)
    if (listId !== null) await addToList(trx, organizationId, listId, chunkPhones)
    const created = new Set(chunkPhones.filter((phone) => !existing.has(phone)))
    await recordContactEvents(trx, organizationId, chunkPhones, created, source)
  }
  return { created: rows.length - known.size, updated: known.size, optedOut, known }
}

const upsertStatements = new Map<string, string>()

/**
 * One multi-row INSERT … VALUES that updates the phones the organization
 * already has (a concurrent import may have added one since the lookup).
 * Written by hand: the query builder's SQLite form (UNION ALL) stops at 500
 * rows and is slower. Cached by size: most batches are full.
 */
function upsertSql(dialect: string, rows: number) {
  const key = `${dialect}:${rows}`
  let sql = upsertStatements.get(key)
  if (!sql) {
    const placeholders = `(${COLUMNS.map(() => '?').join(',')})`
    const onConflict =
      dialect === 'mysql'
        ? `ON DUPLICATE KEY UPDATE ${UPDATABLE.map((c) => `${c} = VALUES(${c})`).join(', ')}`
        : `ON CONFLICT (organization_id, phone) DO UPDATE SET ${UPDATABLE.map((c) => `${c} = excluded.${c}`).join(', ')}`
    sql = `INSERT INTO contacts (${COLUMNS.join(', ')}) VALUES ${Array(rows).fill(placeholders).join(',')} ${onConflict}`
    upsertStatements.set(key, sql)
  }
  return sql
}

/** List membership by phone in one statement; a contact already on the list stays once. */
async function addToList(
  trx: TransactionClientContract,
  organizationId: number,
  listId: number,
  phones: string[]
) {
  const insertIgnore = trx.dialect.name === 'mysql' ? 'INSERT IGNORE' : 'INSERT OR IGNORE'
  await trx.rawQuery(
    `${insertIgnore} INTO contact_list_members (contact_list_id, contact_id)
     SELECT ?, id FROM contacts WHERE organization_id = ? AND phone IN (${phones.map(() => '?').join(',')})`,
    [listId, organizationId, ...phones]
  )
}
