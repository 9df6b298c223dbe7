import db from '@adonisjs/lucid/services/db'
import type Membership from '#models/membership'
import type Campaign from '#models/campaign'
import Export, { type ExportKind } from '#models/export'
import { audit } from '#services/audit'
import exportWorker from '#services/exports/worker'

/**
 * Queues an export of a campaign's contacts or messages and wakes this
 * process's worker; while one of the same kind is unfinished, answers that
 * one instead. Exporting personal data is audited: who asked, for what, when.
 */
export default class StartExport {
  static async handle({
    actor,
    campaign,
    kind,
  }: {
    actor: Membership
    campaign: Campaign
    kind: ExportKind
  }) {
    // A repeated press while the same export is still being written gets that export.
    const unfinished = await Export.forOrganization(actor.organizationId)
      .where('campaign_id', campaign.id)
      .where('kind', kind)
      .whereIn('status', ['queued', 'running'])
      .first()
    if (unfinished) return unfinished

    const record = await db.transaction(async (trx) => {
      const created = await Export.create(
        {
          organizationId: actor.organizationId,
          campaignId: campaign.id,
          createdById: actor.userId,
          kind,
          status: 'queued',
          rowsTotal: 0,
          rowsWritten: 0,
          fileSize: 0,
        },
        { client: trx }
      )
      await audit(
        {
          organizationId: actor.organizationId,
          userId: actor.userId,
          action: 'exports.requested',
          subject: { type: 'export', id: created.id },
          details: { kind, campaignId: campaign.id, campaignName: campaign.name },
        },
        trx
      )
      return created
    })
    exportWorker.wake()
    return record
  }
}
