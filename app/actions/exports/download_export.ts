import type Membership from '#models/membership'
import Export from '#models/export'
import { audit } from '#services/audit'
import { absoluteExportPath } from '#services/exports/csv_file'

/**
 * A finished export's file, for one of its organization's admins; another
 * organization's export, or one not finished yet, is not found. Every
 * download is audited.
 */
export default class DownloadExport {
  static async handle({ actor, id }: { actor: Membership; id: unknown }) {
    const record = await Export.forOrganization(actor.organizationId)
      .where('id', Number(id) || 0)
      .where('status', 'completed')
      .firstOrFail()
    await audit({
      organizationId: actor.organizationId,
      userId: actor.userId,
      action: 'exports.downloaded',
      subject: { type: 'export', id: record.id },
      details: { kind: record.kind, campaignId: record.campaignId, rows: record.rowsWritten },
    })
    const day = record.createdAt.toUTC().toISODate()
    return {
      path: absoluteExportPath(record.filePath!),
      name: `campaign-${record.campaignId}-${record.kind}-${day}.csv`,
    }
  }
}
