import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import Import, { IMPORT_FIELDS } from '#models/import'
import CreateImport from '#actions/imports/create_import'
import StartImport from '#actions/imports/start_import'
import ResumeImport from '#actions/imports/resume_import'
import { MAX_IMPORT_BYTES, parseMapping, startImportValidator } from '#validators/import'
import { previewImport } from '#services/importer/preview'
import { absolutePath } from '#services/importer/storage'
import { reportFileName } from '#services/importer/error_report'
import { receiveUploads } from '#services/uploads'
import ImportTransformer from '#transformers/import_transformer'

const uploadValidator = vine.create({ file: vine.file({ size: MAX_IMPORT_BYTES }) })

/**
 * The import wizard: upload → check the column mapping on a preview → start
 * → live progress → counts and the report of rows not imported.
 */
export default class ImportsController {
  async index({ inertia, membership, bouncer, i18n }: HttpContext) {
    await bouncer.with('ImportPolicy').authorize('view')
    const imports = await Import.forOrganization(membership.organizationId)
      .whereNot('status', 'draft')
      .orderBy('id', 'desc')
      .limit(50)
    return inertia.render('imports/index', {
      imports: imports.map((record) => new ImportTransformer(record).toObject(i18n)),
    })
  }

  async create({ inertia, bouncer }: HttpContext) {
    await bouncer.with('ImportPolicy').authorize('create')
    return inertia.render('imports/create', {})
  }

  async store(ctx: HttpContext) {
    const { request, response, membership, bouncer } = ctx
    await bouncer.with('ImportPolicy').authorize('create')
    await receiveUploads(ctx, { limit: MAX_IMPORT_BYTES })
    const { file } = await request.validateUsing(uploadValidator)
    const record = await CreateImport.handle({ actor: membership, file, draft: true })
    return response.redirect().toRoute('imports.show', { id: record.id })
  }

  async show({ params, inertia, membership, bouncer, i18n }: HttpContext) {
    await bouncer.with('ImportPolicy').authorize('view')
    const record = await this.#find(membership.organizationId, params.id)
    return inertia.render('imports/show', {
      importRecord: new ImportTransformer(record).toObject(i18n),
      preview: record.status === 'draft' ? await previewImport(record, i18n) : null,
      fields: IMPORT_FIELDS.map((field) => ({ field, label: i18n.t(`imports.fields.${field}`) })),
    })
  }

  async start({ params, request, response, membership, bouncer }: HttpContext) {
    await bouncer.with('ImportPolicy').authorize('create')
    const record = await this.#find(membership.organizationId, params.id)
    const data = await request.validateUsing(startImportValidator)
    const mapping = await parseMapping(data.mapping)
    await StartImport.handle(record, {
      listName: data.list,
      defaultRegion: data.defaultRegion,
      mapping,
    })
    return response.redirect().toRoute('imports.show', { id: record.id })
  }

  /** An import that stopped part-way goes on after the rows it saved. */
  async resume({ params, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('ImportPolicy').authorize('create')
    const record = await this.#find(membership.organizationId, params.id)
    await ResumeImport.handle(record, membership)
    session.flash('success', i18n.t('flash.imports.resumed'))
    return response.redirect().toRoute('imports.show', { id: record.id })
  }

  /** The wizard's "fix the mapping": saves it and shows the preview again. */
  async remap({ params, request, response, membership, bouncer }: HttpContext) {
    await bouncer.with('ImportPolicy').authorize('create')
    const record = await this.#find(membership.organizationId, params.id)
    const data = await request.validateUsing(startImportValidator)
    if (record.status === 'draft') {
      record.merge({
        listName: data.list,
        defaultRegion: data.defaultRegion,
        mapping: await parseMapping(data.mapping),
      })
      await record.save()
    }
    return response.redirect().toRoute('imports.show', { id: record.id })
  }

  async report({ params, response, membership, bouncer }: HttpContext) {
    await bouncer.with('ImportPolicy').authorize('view')
    const record = await this.#find(membership.organizationId, params.id)
    if (!record.errorReportPath) return response.notFound()
    response.header('Content-Type', 'text/csv; charset=utf-8')
    return response.attachment(absolutePath(record.errorReportPath), reportFileName(record))
  }

  #find(organizationId: number, id: string) {
    return Import.findForOrganizationOrFail(organizationId, id)
  }
}
