import type { Phrase } from '#exceptions/refusal_wording'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { CountryCode } from 'libphonenumber-js'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import ContactList from '#models/contact_list'
import type Import from '#models/import'
import type { ImportRowError } from '#models/import'
import { inspectFile, readRecords } from '#services/importer/csv_source'
import { planColumns } from '#services/importer/columns'
import { normalizeRow, type ContactDraft } from '#services/importer/normalize'
import { writeBatch } from '#services/importer/contact_writer'
import { ErrorReportWriter } from '#services/importer/error_report'
import { absolutePath, reportPathFor } from '#services/importer/storage'
import { fixedFailure } from '#services/importer/import_failure'
import { PhoneRows } from '#services/importer/phone_rows'

/** Rows per transaction: large enough to amortize commits, small enough to keep locks short. */
export const BATCH_ROWS = 1000
/** Invalid rows kept on the import itself for the API and the page; all are in the report. */
export const ERRORS_SAMPLE_SIZE = 100

/**
 * Streams an import's file into the organization's contacts (API.md "Import
 * counts"): every data row ends up created, updated, invalid, duplicate or
 * opted out. The whole file is read and checked before anything is written,
 * so a file that cannot be imported changes nothing.
 *
 * An import that stopped part-way (its process was killed, the database
 * failed) goes on after the rows it saved: each batch is saved with the
 * counts and report lines of its rows in one transaction, so the saved
 * `rowsProcessed` says exactly where to go on, and the result is the one an
 * uninterrupted run gives.
 */
export async function runImport(record: Import) {
  const path = absolutePath(record.filePath)
  const { format, rows } = await inspectFile(path)
  const records = readRecords(path, format)
  const header = await records.next()
  if (header.done) throw fixedFailure('empty')
  const columns = planColumns(header.value.cells, record.mapping)
  const region = record.defaultRegion as CountryCode

  // Data rows are numbered from 2 (the header is row 1): these were saved before a stop.
  const lastSavedRow = record.rowsProcessed + 1
  const reportPath = reportPathFor(record.id)
  const report = record.rowsProcessed
    ? await ErrorReportWriter.continuing(absolutePath(reportPath), lastSavedRow)
    : new ErrorReportWriter(absolutePath(reportPath))
  const errorsSample: ImportRowError[] = [...(record.errorsSample ?? [])]
  const phoneRows = new PhoneRows()
  let pending: ContactDraft[] = []
  let sinceSave = 0

  async function note(
    row: number,
    field: string,
    message: string,
    invalid: boolean,
    phrase?: Phrase
  ) {
    await report.write(row, field, message)
    if (invalid && errorsSample.length < ERRORS_SAMPLE_SIZE)
      errorsSample.push(phrase ? { row, field, message, phrase } : { row, field, message })
  }

  async function flush() {
    const drafts = pending
    pending = []
    sinceSave = 0
    await db.transaction(async (trx) => {
      const written = await writeBatch(
        trx,
        record.organizationId,
        record.contactListId!,
        drafts,
        'import'
      )
      for (const draft of written.optedOut) {
        await note(draft.row, 'phone', `${draft.phone} is on the opt-out list; not added`, false)
      }
      // The batch's report lines reach the file before the batch is saved.
      await report.flush()
      record.rowsCreated += written.created
      record.rowsUpdated += written.updated
      record.rowsOptedOut += written.optedOut.length
      record.errorsSample = errorsSample
      await saveProgress(record, trx)
    })
  }

  record.contactListId = await listFor(record)
  record.rowsTotal = rows - 1
  await saveProgress(record)

  try {
    for await (const { row, cells } of records) {
      if (row <= lastSavedRow) {
        // Saved before the stop: only its phone is needed, to recognise repeats of it.
        const saved = normalizeRow(row, cells, columns, region)
        if (!('message' in saved)) phoneRows.firstRow(saved.phone, row)
        continue
      }
      record.rowsProcessed++
      sinceSave++
      const result = normalizeRow(row, cells, columns, region)
      if ('message' in result) {
        record.rowsInvalid++
        await note(row, result.field, result.message, true, result.phrase)
      } else {
        const firstRow = phoneRows.firstRow(result.phone, row)
        if (firstRow === row) {
          pending.push(result)
        } else {
          record.rowsDuplicate++
          await note(
            row,
            'phone',
            `Same phone number as row ${firstRow}; row ${firstRow} was kept`,
            false
          )
        }
      }
      if (sinceSave >= BATCH_ROWS) await flush()
    }
    await flush()
  } finally {
    await report.close()
  }
  record.errorReportPath = report.hasRows ? reportPath : null
}

/**
 * The list named at upload, made on first use (an import of an existing name
 * adds to it); a resumed import keeps the list it started with.
 */
async function listFor(record: Import) {
  if (record.contactListId) {
    const started = await ContactList.find(record.contactListId)
    if (started) return started.id
  }
  const existing = await ContactList.forOrganization(record.organizationId)
    .where('name', record.listName)
    .orderBy('id')
    .first()
  if (existing) return existing.id
  const list = await ContactList.create({
    organizationId: record.organizationId,
    name: record.listName,
  })
  return list.id
}

/** Counts and heartbeat, written with the batch they describe. */
async function saveProgress(record: Import, trx?: TransactionClientContract) {
  const client = trx ?? db.connection()
  const now = DateTime.now()
  record.heartbeatAt = now
  await client
    .from('imports')
    .where('id', record.id)
    .update({
      contact_list_id: record.contactListId,
      rows_total: record.rowsTotal,
      rows_processed: record.rowsProcessed,
      rows_created: record.rowsCreated,
      rows_updated: record.rowsUpdated,
      rows_invalid: record.rowsInvalid,
      rows_duplicate: record.rowsDuplicate,
      rows_opted_out: record.rowsOptedOut,
      errors_sample: JSON.stringify(record.errorsSample ?? []),
      heartbeat_at: now.toFormat(client.dialect.dateTimeFormat),
      updated_at: now.toFormat(client.dialect.dateTimeFormat),
    })
}
