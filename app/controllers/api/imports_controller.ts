import type { HttpContext } from '@adonisjs/core/http'
import Import from '#models/import'
import CreateImport from '#actions/imports/create_import'
import ResumeImport from '#actions/imports/resume_import'
import { createImportValidator, MAX_IMPORT_BYTES, parseMapping } from '#validators/import'
import { absolutePath } from '#services/importer/storage'
import { reportFileName } from '#services/importer/error_report'
import { receiveUploads } from '#services/uploads'
import ImportTransformer from '#transformers/import_transformer'

export default class ImportsController {
  async store(ctx: HttpContext) {
    const { request, response, membership, bouncer } = ctx
    await bouncer.with('ImportPolicy').authorize('create')
    await receiveUploads(ctx, { limit: MAX_IMPORT_BYTES })
    const data = await request.validateUsing(createImportValidator)
    const mapping = await parseMapping(data.mapping)
    const record = await CreateImport.handle({
      actor: membership,
      file: data.file,
      listName: data.list,
      defaultRegion: data.defaultRegion,
      mapping,
    })
    return response.accepted({ id: record.id, status: record.status })
  }

  async show({ params, membership, bouncer }: HttpContext) {
    await bouncer.with('ImportPolicy').authorize('view')
    const record = await Import.findForOrganizationOrFail(membership.organizationId, params.id)
    return new ImportTransformer(record).toObject()
  }

  /** An import that stopped part-way goes on after the rows it saved. */
  async resume({ params, response, membership, bouncer }: HttpContext) {
    await bouncer.with('ImportPolicy').authorize('create')
    const record = await Import.findForOrganizationOrFail(membership.organizationId, params.id)
    await ResumeImport.handle(record, membership)
    return response.accepted({ id: record.id, status: record.status })
  }

  /** The rows that were not imported and why (row, field, reason), as CSV. */
  async report({ params, response, membership, bouncer }: HttpContext) {
    await bouncer.with('ImportPolicy').authorize('view')
    const record = await Import.forOrganization(membership.organizationId)
      .where('id', params.id)
      .whereNotNull('error_report_path')
      .firstOrFail()
    response.header('Content-Type', 'text/csv; charset=utf-8')
    return response.attachment(absolutePath(record.errorReportPath!), reportFileName(record))
  }
}
