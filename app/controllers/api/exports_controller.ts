import type { HttpContext } from '@adonisjs/core/http'
import Campaign from '#models/campaign'
import Export from '#models/export'
import StartExport from '#actions/exports/start_export'
import DownloadExport from '#actions/exports/download_export'
import { exportValidator } from '#validators/export'
import ExportTransformer from '#transformers/export_transformer'

export default class ExportsController {
  async store({ params, request, response, membership, bouncer }: HttpContext) {
    await bouncer.with('ExportPolicy').authorize('manage')
    const campaign = await Campaign.findForOrganizationOrFail(membership.organizationId, params.id)
    const { kind } = await request.validateUsing(exportValidator)
    const record = await StartExport.handle({ actor: membership, campaign, kind })
    return response.accepted({ id: record.id, status: record.status })
  }

  async show({ params, membership, bouncer }: HttpContext) {
    await bouncer.with('ExportPolicy').authorize('manage')
    const record = await Export.findForOrganizationOrFail(membership.organizationId, params.id)
    return new ExportTransformer(record, 'api').toObject()
  }

  async download({ params, response, membership, bouncer }: HttpContext) {
    await bouncer.with('ExportPolicy').authorize('manage')
    const file = await DownloadExport.handle({ actor: membership, id: params.id })
    response.header('Content-Type', 'text/csv; charset=utf-8')
    return response.attachment(file.path, file.name)
  }
}
