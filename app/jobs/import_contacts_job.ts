import { DateTime } from 'luxon'
import logger from '@adonisjs/core/services/logger'
import Import from '#models/import'
import { runImport } from '#services/importer/run_import'
import ImportFailure from '#services/importer/import_failure'
import { removeFile } from '#services/importer/storage'

const UNEXPECTED =
  'Something went wrong on our side while importing. Rows read before the problem were saved; starting the same import again is safe (they are updated, not duplicated).'

/**
 * Runs one claimed import (status `running`) to `completed` or `failed`.
 * The uploaded file is deleted afterwards: the contacts now hold its data.
 */
export default class ImportContactsJob {
  static async run(importId: number) {
    const record = await Import.findOrFail(importId)
    try {
      await runImport(record)
      record.status = 'completed'
    } catch (error) {
      record.status = 'failed'
      if (error instanceof ImportFailure) {
        record.failureReason = error.message
      } else {
        // The logger leaves a failed statement's bound values (the file's rows) out.
        logger.error({ importId, err: error }, 'contact import failed')
        record.failureReason = UNEXPECTED
      }
    }
    record.finishedAt = DateTime.now()
    await record.save()
    await removeFile(record.filePath)
    return record
  }
}
