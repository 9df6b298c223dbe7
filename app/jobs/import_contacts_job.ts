import { DateTime } from 'luxon'
import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import Import from '#models/import'
import { runImport } from '#services/importer/run_import'
import ImportFailure, { FIXED_FAILURES } from '#services/importer/import_failure'
import { removeImportFile } from '#services/importer/storage'
import { recordEvent } from '#services/outbound_webhooks/events'

/**
 * Runs one claimed import (status `running`) to `completed` or `failed`.
 * The uploaded file is deleted once the contacts hold its data, or when it
 * cannot be imported at all; an import stopped by anything else keeps it,
 * to be resumed.
 */
export default class ImportContactsJob {
  static async run(importId: number) {
    const record = await Import.findOrFail(importId)
    let resumable = false
    try {
      await runImport(record)
      record.status = 'completed'
    } catch (error) {
      // Forget the counts of a batch that was not saved.
      await record.refresh()
      record.status = 'failed'
      if (error instanceof ImportFailure) {
        record.failureReason = error.message
      } else {
        // The logger leaves a failed statement's bound values (the file's rows) out.
        logger.error({ importId, err: error }, 'contact import failed')
        record.failureReason = FIXED_FAILURES.unexpected
        resumable = true
      }
    }
    record.finishedAt = DateTime.now()
    if (!resumable) await removeImportFile(record)
    await db.transaction(async (trx) => {
      await record.useTransaction(trx).save()
      if (record.status !== 'completed') return
      await recordEvent(trx, {
        organizationId: record.organizationId,
        type: 'import.completed',
        data: {
          import: {
            id: record.id,
            listId: record.contactListId,
            listName: record.listName,
            created: record.rowsCreated,
            updated: record.rowsUpdated,
            invalid: record.rowsInvalid,
            duplicates: record.rowsDuplicate,
            optedOut: record.rowsOptedOut,
          },
        },
      })
    })
    return record
  }
}
