import type { Reader } from '#exceptions/refusal_wording'
import { failureReasonIn } from '#services/importer/import_failure'
import type Import from '#models/import'
import { appUrl } from '#config/app'
import { BaseTransformer } from '@adonisjs/core/transformers'

/**
 * An import as API.md fixes it (`GET /api/v1/imports/:id`), plus progress and
 * outcome details. `errors` holds the first invalid rows; the report behind
 * `errorReportUrl` (bearer token) lists every row that was not imported.
 */
export default class ImportTransformer extends BaseTransformer<Import> {
  /**
   * With `i18n` (the import pages), row problems and fixed failure reasons
   * are said in the reader's language; without it (the API), as stored, in English.
   */
  toObject(i18n?: Reader) {
    const record = this.resource
    const errors = (record.errorsSample ?? []).map(({ row, field, message, phrase }) => ({
      row,
      field,
      message: i18n && phrase ? i18n.t(phrase.key, phrase.values) : message,
    }))
    return {
      id: record.id,
      status: record.status,
      totalRows: record.rowsTotal,
      processedRows: record.rowsProcessed,
      created: record.rowsCreated,
      updated: record.rowsUpdated,
      invalid: record.rowsInvalid,
      duplicates: record.rowsDuplicate,
      optedOut: record.rowsOptedOut,
      errors,
      errorReportUrl: record.errorReportPath
        ? `${appUrl}/api/v1/imports/${record.id}/report`
        : null,
      failureReason: i18n ? failureReasonIn(record.failureReason, i18n) : record.failureReason,
      resumable: record.isResumable,
      fileName: record.originalName,
      listId: record.contactListId,
      listName: record.listName,
      defaultRegion: record.defaultRegion,
      createdAt: record.createdAt.toUTC().toISO(),
      startedAt: record.startedAt?.toUTC().toISO() ?? null,
      finishedAt: record.finishedAt?.toUTC().toISO() ?? null,
    }
  }
}
