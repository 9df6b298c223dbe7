import { readFile } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import OptOut from '#models/opt_out'
import ExportOptOuts from '#actions/opt_outs/export_opt_outs'
import ImportOptOuts, { type OptOutImportResult } from '#actions/opt_outs/import_opt_outs'
import LiftOptOut from '#actions/opt_outs/lift_opt_out'
import RecordOptOut from '#actions/opt_outs/record_opt_out'
import { searchOptOuts } from '#services/opt_outs/search'
import { receiveUploads } from '#services/uploads'
import {
  MAX_OPT_OUT_UPLOAD,
  liftOptOutValidator,
  optOutImportValidator,
  optOutSearchValidator,
  optOutValidator,
} from '#validators/opt_out'
import OptOutTransformer from '#transformers/opt_out_transformer'

const PER_PAGE = 50

export default class OptOutsController {
  async index({ inertia, request, membership, bouncer, session }: HttpContext) {
    await bouncer.with('OptOutPolicy').authorize('viewList')
    const { phone, page = 1 } = await request.validateUsing(optOutSearchValidator, {
      data: request.qs(),
    })
    const result = await searchOptOuts(membership.organizationId, phone).paginate(page, PER_PAGE)
    return inertia.render('opt_outs/index', {
      optOuts: result.all().map((optOut) => new OptOutTransformer(optOut).forList()),
      meta: { page, perPage: PER_PAGE, total: result.total },
      search: phone ?? '',
      importResult: (session.flashMessages.get('importResult') as OptOutImportResult) ?? null,
      can: {
        lift: await bouncer.with('OptOutPolicy').allows('lift'),
        export: await bouncer.with('OptOutPolicy').allows('export'),
      },
    })
  }

  async store({ request, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('OptOutPolicy').authorize('create')
    const { phone, reason } = await request.validateUsing(optOutValidator)
    const { created } = await RecordOptOut.handle({
      organizationId: membership.organizationId,
      phone,
      reason: reason || null,
      source: 'admin',
      actorId: membership.userId,
    })
    session.flash(
      'success',
      i18n.t(created ? 'flash.optOuts.recorded' : 'flash.optOuts.already', { phone })
    )
    // Back to where it was asked for: the opt-out list, or a contact's page.
    return response.redirect().back()
  }

  async import(ctx: HttpContext) {
    const { request, response, membership, bouncer, session } = ctx
    await bouncer.with('OptOutPolicy').authorize('create')
    await receiveUploads(ctx, { limit: MAX_OPT_OUT_UPLOAD })
    const { file, reason } = await request.validateUsing(optOutImportValidator)
    const csv = await readFile(file.tmpPath!, 'utf8')
    const result = await ImportOptOuts.handle({ actor: membership, csv, reason })
    session.flash('importResult', result)
    session.flash(
      'success',
      ctx.i18n.t('flash.optOuts.imported', {
        added: result.added,
        already: result.alreadyOptedOut,
        invalid: result.invalid.length,
      })
    )
    return response.redirect().toRoute('opt_outs.index')
  }

  async destroy({ params, request, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('OptOutPolicy').authorize('lift')
    const optOut = await OptOut.findForOrganizationOrFail(membership.organizationId, params.id)
    const { reason } = await request.validateUsing(liftOptOutValidator)
    await LiftOptOut.handle({
      organizationId: membership.organizationId,
      phone: optOut.phone,
      source: 'admin',
      reason,
      actorId: membership.userId,
    })
    session.flash('success', i18n.t('flash.optOuts.lifted', { phone: optOut.phone }))
    return response.redirect().toRoute('opt_outs.index')
  }

  async export({ response, membership, bouncer }: HttpContext) {
    await bouncer.with('OptOutPolicy').authorize('export')
    const lines = await ExportOptOuts.handle({ actor: membership })
    const day = DateTime.utc().toISODate()
    response.header('Content-Type', 'text/csv; charset=utf-8')
    response.header('Content-Disposition', `attachment; filename="opt-outs-${day}.csv"`)
    response.stream(Readable.from(lines))
  }
}
