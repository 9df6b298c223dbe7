import type { HttpContext } from '@adonisjs/core/http'
import RecordOptOut from '#actions/opt_outs/record_opt_out'
import { searchOptOuts } from '#services/opt_outs/search'
import { optOutFiltersValidator, optOutValidator } from '#validators/opt_out'
import OptOutTransformer from '#transformers/opt_out_transformer'

export default class OptOutsController {
  /** `?phone=` in any format: that phone's opt-out, if any. */
  async index({ request, membership, bouncer }: HttpContext) {
    await bouncer.with('OptOutPolicy').authorize('viewList')
    const {
      phone,
      page = 1,
      perPage = 50,
    } = await request.validateUsing(optOutFiltersValidator, { data: request.qs() })
    const result = await searchOptOuts(membership.organizationId, phone).paginate(page, perPage)
    return {
      data: result.all().map((optOut) => new OptOutTransformer(optOut).toObject()),
      meta: { total: result.total, page, perPage },
    }
  }

  /** Records an opt-out; a phone already on the list keeps its first record. */
  async store({ request, response, membership, bouncer }: HttpContext) {
    await bouncer.with('OptOutPolicy').authorize('create')
    const data = await request.validateUsing(optOutValidator)
    const { optOut } = await RecordOptOut.handle({
      organizationId: membership.organizationId,
      phone: data.phone,
      reason: data.reason || null,
      source: 'api',
      actorId: membership.userId,
    })
    return response.created(new OptOutTransformer(optOut).toObject())
  }
}
