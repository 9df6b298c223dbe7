import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { CountryCode } from 'libphonenumber-js'
import ContactList from '#models/contact_list'
import type IntegrationAccount from '#models/integration_account'
import Organization from '#models/organization'
import { IntegrationError, type ImportedPerson } from '#integrations/contract'
import { clock } from '#services/clock'
import { sqlTime } from '#services/db/sql_time'
import { upsertContacts } from '#services/contacts/upsert'
import { clientFor } from '#services/integrations/accounts'
import { claimImport, releaseImport, renewImport } from '#services/integrations/claims'

/** Pages read in one call, so one large list does not hold the worker. */
const MAX_PAGES_PER_CALL = 50
/** The contacts upsert takes up to this many people at once. */
const UPSERT_CHUNK = 1000

export type ImportOutcome = 'completed' | 'waiting' | 'failed'

function itemOf(person: ImportedPerson, listName: string) {
  const optional = (value: string | null | undefined) => value || undefined
  return {
    phone: person.phone ?? '',
    firstName: optional(person.firstName),
    lastName: optional(person.lastName),
    email: optional(person.email),
    zip: optional(person.zip),
    externalId: optional(person.externalId),
    lists: [listName],
  }
}

/** The run under way (its counts grow page by page), or a new one. */
async function openRun(accountId: number) {
  const running = await db
    .from('integration_import_runs')
    .where('account_id', accountId)
    .where('status', 'running')
    .orderBy('id', 'desc')
    .first()
  if (running) return running
  const startedAt = sqlTime(clock.now())
  const [id] = await db
    .table('integration_import_runs')
    .insert({ account_id: accountId, status: 'running', started_at: startedAt })
  return db.from('integration_import_runs').where('id', Number(id)).first()
}

/**
 * Reads people from the account's CRM source into its Porchlight list
 * through the contacts upsert (same normalization, opt-out suppression and
 * counting as an import), page by page. The page cursor is saved after
 * every page, so a restart or a rate limit resumes where it stopped; the
 * next run asks only for people changed since the last one began.
 * `stillHeld` is asked before each page by a worker holding the import's
 * claim (it renews the claim).
 */
export async function runImport(
  account: IntegrationAccount,
  stillHeld: () => Promise<boolean> = async () => true
): Promise<ImportOutcome> {
  if (!account.importKind || !account.importSourceId || !account.importListId) return 'failed'
  const list = await ContactList.findForOrganization(account.organizationId, account.importListId)
  const organization = await Organization.findOrFail(account.organizationId)
  const region = organization.settings.defaultRegion as CountryCode
  const client = await clientFor(account)
  const source = { kind: account.importKind, id: account.importSourceId }
  const run = await openRun(account.id)
  const since = account.importSince?.toJSDate() ?? null

  const finish = async (status: ImportOutcome, error: string | null, retryInMs: number | null) => {
    const now = clock.now()
    const values: Record<string, unknown> = { error: error?.slice(0, 255) ?? null }
    if (status !== 'waiting') {
      values.status = status
      values.finished_at = sqlTime(now)
    }
    await db.from('integration_import_runs').where('id', run.id).update(values)
    const every = account.importEveryMinutes
    const nextIn = retryInMs ?? (every ? every * 60_000 : null)
    account.importNextAt = nextIn === null ? null : clock.dateTime().plus({ milliseconds: nextIn })
    if (status === 'completed') {
      const started = run.started_at
      account.importSince =
        started instanceof Date ? DateTime.fromJSDate(started) : DateTime.fromSQL(String(started))
    }
    await account.save()
    return status
  }

  if (!list) return finish('failed', 'The Porchlight list no longer exists', null)
  let cursor = account.importPageCursor
  try {
    for (let pages = 0; pages < MAX_PAGES_PER_CALL; pages++) {
      // A worker that lost its claim (it hung past the lease) leaves the run to the one holding it.
      if (!(await stillHeld())) return 'waiting'
      const page = await client.importPage(source, cursor, since)
      for (let at = 0; at < page.people.length; at += UPSERT_CHUNK) {
        const items = page.people
          .slice(at, at + UPSERT_CHUNK)
          .map((person) => itemOf(person, list.name))
        const counts = await upsertContacts(account.organizationId, region, items)
        await db
          .from('integration_import_runs')
          .where('id', run.id)
          .increment({
            created: counts.created,
            updated: counts.updated,
            invalid: counts.invalid + counts.duplicates,
            opted_out: counts.optedOut,
          })
      }
      await db.from('integration_import_runs').where('id', run.id).increment('pages', 1)
      cursor = page.next
      account.importPageCursor = cursor
      await account.save()
      if (cursor === null) return finish('completed', null, null)
      if (page.waitMs) return finish('waiting', null, page.waitMs)
    }
    return finish('waiting', null, 0)
  } catch (error) {
    if (
      !(error instanceof IntegrationError) ||
      error.kind === 'rejected' ||
      error.kind === 'auth'
    ) {
      account.importPageCursor = null
      return finish('failed', (error as Error).message, null)
    }
    // Rate limited or unreachable: the same page is asked again later.
    return finish('waiting', error.message, error.retryAfterMs ?? 60_000)
  }
}

/**
 * Runs the account's import holding its claim, so two workers (or a worker
 * and "Import now") never run it at once; null when someone else holds it.
 * `due`: only when its schedule says so (a worker), or at once ("Import now").
 */
export async function runClaimedImport(
  account: IntegrationAccount,
  token: string,
  due: boolean
): Promise<ImportOutcome | null> {
  if (!(await claimImport(account.id, token, clock.now(), due))) return null
  try {
    // Another worker may have run pages since the account was read.
    await account.refresh()
    return await runImport(account, () => renewImport(account.id, token, clock.now()))
  } finally {
    await releaseImport(account.id, token)
  }
}
