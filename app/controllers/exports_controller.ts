import type { HttpContext } from '@adonisjs/core/http'
import Campaign from '#models/campaign'
import StartExport from '#actions/exports/start_export'
import DownloadExport from '#actions/exports/download_export'
import { exportValidator } from '#validators/export'

/** Exports from the report page: start one, then download the finished file. Admins. */
export default class ExportsController {
  async store({ params, request, response, session, membership, bouncer, i18n }: HttpContext) {
    await bouncer.with('ExportPolicy').authorize('manage')
    const campaign = await Campaign.findForOrganizationOrFail(membership.organizationId, params.id)
    const { kind } = await request.validateUsing(exportValidator)
    await StartExport.handle({ actor: membership, campaign, kind })
    session.flash('success', i18n.t('flash.campaigns.exporting', { kind }))
    return response.redirect().toRoute('campaigns.report', { id: campaign.id })
  }

  async download({ params, response, membership, bouncer }: HttpContext) {
    await bouncer.with('ExportPolicy').authorize('manage')
    const file = await DownloadExport.handle({ actor: membership, id: params.id })
    response.header('Content-Type', 'text/csv; charset=utf-8')
    return response.attachment(file.path, file.name)
  }
}
