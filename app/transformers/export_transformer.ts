import type { Reader } from '#exceptions/refusal_wording'
import { EXPORT_FAILED } from '#jobs/export_campaign_job'
import type Export from '#models/export'
import { appUrl } from '#config/app'
import { BaseTransformer } from '@adonisjs/core/transformers'

/**
 * An export as API.md shapes it, plus its kind, campaign, progress and
 * failure. `downloadUrl` (once completed) needs the same credentials: the
 * API's path for API callers, the web's for the browser.
 */
export default class ExportTransformer extends BaseTransformer<Export> {
  constructor(
    resource: Export,
    private via: 'api' | 'web'
  ) {
    super(resource)
  }

  /** `i18n` (the campaign report) words a failure Porchlight stored in the reader's language. */
  toObject(i18n?: Reader) {
    const record = this.resource
    const failureReason =
      i18n && record.failureReason === EXPORT_FAILED
        ? i18n.t('reports.exportFailed')
        : record.failureReason
    // The browser follows a path on whatever host it is on; API callers get an absolute URL.
    const download =
      this.via === 'api'
        ? `${appUrl}/api/v1/exports/${record.id}/download`
        : `/exports/${record.id}/download`
    return {
      id: record.id,
      kind: record.kind,
      campaignId: record.campaignId,
      status: record.status,
      rows: record.rowsWritten,
      rowsTotal: record.rowsTotal,
      failureReason,
      createdAt: record.createdAt.toUTC().toISO()!,
      finishedAt: record.finishedAt?.toUTC().toISO() ?? null,
      downloadUrl: record.status === 'completed' ? download : null,
    }
  }
}
