import { DateTime } from 'luxon'
import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import Export from '#models/export'
import { EXPORT_WRITERS } from '#services/exports/campaign_exports'
import { CsvFile } from '#services/exports/csv_file'
import { recordEvent } from '#services/outbound_webhooks/events'

/** Stored on the failed export in English; the campaign report says it in its reader's language. */
export const EXPORT_FAILED =
  'Something went wrong on our side while writing the export. Nothing was changed; start a new export to try again.'

/**
 * Writes one claimed export (status `running`) to its CSV file and marks it
 * `completed`, or `failed` with no file left behind.
 */
export default class ExportCampaignJob {
  static async run(exportId: number) {
    const record = await Export.findOrFail(exportId)
    const writer = EXPORT_WRITERS[record.kind]
    const target = { organizationId: record.organizationId, campaignId: record.campaignId }
    const file = new CsvFile()
    let lastSaved = Date.now()
    try {
      record.rowsTotal = await writer.rows(target)
      await record.save()
      await file.open()
      const { rows, header, widened } = await writer.write(target, {
        write: (text) => file.write(text),
        // Progress and the heartbeat are saved at most about once a second.
        progress: async (written) => {
          if (Date.now() - lastSaved < 1000) return
          lastSaved = Date.now()
          record.rowsWritten = written
          record.heartbeatAt = DateTime.now()
          await record.save()
        },
      })
      record.fileSize = await file.close(header, widened)
      record.filePath = file.relativePath
      record.rowsWritten = rows
      // Rows added while the file was written are in it too.
      record.rowsTotal = Math.max(record.rowsTotal, rows)
      record.status = 'completed'
    } catch (error) {
      await file.discard()
      const { message = String(error), stack = '' } = error as Error
      logger.error({ exportId, message: message.slice(0, 500), stack }, 'export failed')
      record.status = 'failed'
      record.failureReason = EXPORT_FAILED
    }
    record.finishedAt = DateTime.now()
    await db.transaction(async (trx) => {
      await record.useTransaction(trx).save()
      if (record.status !== 'completed') return
      await recordEvent(trx, {
        organizationId: record.organizationId,
        type: 'export.completed',
        data: {
          export: { id: record.id, kind: record.kind, rows: record.rowsWritten },
          campaignId: record.campaignId,
        },
      })
    })
    return record
  }
}
