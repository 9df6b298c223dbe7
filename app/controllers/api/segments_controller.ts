import type { HttpContext } from '@adonisjs/core/http'
import Segment from '#models/segment'
import DeleteSegment from '#actions/segments/delete_segment'
import SaveSegment from '#actions/segments/save_segment'
import { countSegment } from '#services/segments/audience'
import { renameSegmentValidator, segmentValidator } from '#validators/segment'
import { paginationValidator } from '#validators/pagination'
import SegmentTransformer from '#transformers/segment_transformer'

function present(segment: Segment, count: number) {
  return { ...new SegmentTransformer(segment).withDefinition(), count }
}

export default class SegmentsController {
  /** Saved segments without counts (each count reads its whole audience; GET one for it). */
  async index({ request, membership, bouncer }: HttpContext) {
    await bouncer.with('SegmentPolicy').authorize('viewList')
    const { page = 1, perPage = 50 } = await request.validateUsing(paginationValidator, {
      data: request.qs(),
    })
    const result = await Segment.forOrganization(membership.organizationId)
      .orderBy('id')
      .paginate(page, perPage)
    return {
      data: result.all().map((segment) => new SegmentTransformer(segment).withDefinition()),
      meta: { total: result.total, page, perPage },
    }
  }

  async store({ request, response, membership, bouncer }: HttpContext) {
    await bouncer.with('SegmentPolicy').authorize('manage')
    const { name, definition } = await request.validateUsing(segmentValidator)
    const { segment, count } = await SaveSegment.handle({ actor: membership, name, definition })
    return response.created({ id: segment.id, name: segment.name, count })
  }

  async show({ params, membership, bouncer }: HttpContext) {
    await bouncer.with('SegmentPolicy').authorize('viewList')
    const segment = await Segment.findForOrganizationOrFail(membership.organizationId, params.id)
    return present(segment, await countSegment(segment.organizationId, segment.definition))
  }

  async update({ params, request, membership, bouncer }: HttpContext) {
    await bouncer.with('SegmentPolicy').authorize('manage')
    const found = await Segment.findForOrganizationOrFail(membership.organizationId, params.id)
    const { name, definition } = await request.validateUsing(renameSegmentValidator)
    const { segment, count } = await SaveSegment.handle({
      actor: membership,
      segment: found,
      name,
      definition,
    })
    return present(segment, count)
  }

  async destroy({ params, response, membership, bouncer }: HttpContext) {
    await bouncer.with('SegmentPolicy').authorize('manage')
    const segment = await Segment.findForOrganizationOrFail(membership.organizationId, params.id)
    await DeleteSegment.handle({ segment })
    return response.noContent()
  }
}
