import type { HttpContext } from '@adonisjs/core/http'
import { errors } from '@vinejs/vine'
import ContactList from '#models/contact_list'
import Segment from '#models/segment'
import Tag from '#models/tag'
import DeleteSegment from '#actions/segments/delete_segment'
import SaveSegment from '#actions/segments/save_segment'
import { countSegment } from '#services/segments/audience'
import SlowReadException from '#exceptions/slow_read_exception'
import { wordIssues } from '#exceptions/worded_issues'
import { validateDefinition } from '#services/segments/validate_definition'
import { customFieldHeaders } from '#services/contacts/custom_field_headers'
import { historyChoices } from '#services/segments/history_choices'
import {
  renameSegmentValidator,
  segmentPreviewValidator,
  segmentValidator,
} from '#validators/segment'
import SegmentTransformer from '#transformers/segment_transformer'

export default class SegmentsController {
  async index({ inertia, membership, bouncer }: HttpContext) {
    await bouncer.with('SegmentPolicy').authorize('viewList')
    const segments = await Segment.forOrganization(membership.organizationId).orderBy('name')
    return inertia.render('segments/index', {
      segments: segments.map((segment) => new SegmentTransformer(segment).toObject()),
      // Counting runs after the page shows: each count reads the whole audience.
      counts: inertia.defer(async () => {
        const counts: Record<string, number | null> = {}
        for (const segment of segments) {
          counts[segment.id] = await countSegment(segment.organizationId, segment.definition).catch(
            (error) => {
              // One segment too slow to count leaves the others' counts standing.
              if (error instanceof SlowReadException && error.reason === 'too_slow') return null
              throw error
            }
          )
        }
        return counts
      }),
    })
  }

  async create({ inertia, membership, bouncer }: HttpContext) {
    await bouncer.with('SegmentPolicy').authorize('manage')
    return inertia.render('segments/edit', {
      segment: null,
      ...(await builderChoices(membership.organizationId)),
    })
  }

  async store({ request, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('SegmentPolicy').authorize('manage')
    const { name, definition } = await request.validateUsing(segmentValidator)
    const { count } = await SaveSegment.handle({ actor: membership, name, definition })
    session.flash('success', i18n.t('flash.segments.created', { name, count }))
    return response.redirect().toRoute('segments.index')
  }

  async edit({ inertia, params, membership, bouncer }: HttpContext) {
    await bouncer.with('SegmentPolicy').authorize('manage')
    const segment = await Segment.findForOrganizationOrFail(membership.organizationId, params.id)
    return inertia.render('segments/edit', {
      segment: new SegmentTransformer(segment).withDefinition(),
      ...(await builderChoices(membership.organizationId)),
    })
  }

  async update({ params, request, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('SegmentPolicy').authorize('manage')
    const segment = await Segment.findForOrganizationOrFail(membership.organizationId, params.id)
    const { name, definition } = await request.validateUsing(renameSegmentValidator)
    await SaveSegment.handle({ actor: membership, segment, name, definition })
    session.flash('success', i18n.t('flash.segments.saved'))
    return response.redirect().toRoute('segments.index')
  }

  async destroy({ params, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('SegmentPolicy').authorize('manage')
    const segment = await Segment.findForOrganizationOrFail(membership.organizationId, params.id)
    await DeleteSegment.handle({ segment })
    session.flash('success', i18n.t('flash.segments.deleted', { name: segment.name }))
    return response.redirect().toRoute('segments.index')
  }

  /**
   * The builder's live count: JSON `{count}`, or 422 `{errors}` saying what
   * is not finished or not valid yet.
   */
  async preview({ request, response, membership, bouncer, i18n }: HttpContext) {
    await bouncer.with('SegmentPolicy').authorize('manage')
    const { definition } = await request.validateUsing(segmentPreviewValidator)
    try {
      const checked = await validateDefinition(membership.organizationId, definition)
      return { count: await countSegment(membership.organizationId, checked) }
    } catch (error) {
      if (!(error instanceof errors.E_VALIDATION_ERROR)) throw error
      return response.unprocessableEntity({ errors: wordIssues(error.messages, i18n) })
    }
  }
}

/**
 * What the builder offers: the organization's lists, tags, custom field
 * headers, and campaigns with their survey questions and answers.
 */
async function builderChoices(organizationId: number) {
  const [lists, tags, customFields, campaigns] = await Promise.all([
    ContactList.forOrganization(organizationId).orderBy('name').select('id', 'name'),
    Tag.forOrganization(organizationId).orderBy('name').select('id', 'name'),
    customFieldHeaders(organizationId),
    historyChoices(organizationId),
  ])
  return {
    lists: lists.map((list) => ({ id: list.id, name: list.name })),
    tags: tags.map((tag) => ({ id: tag.id, name: tag.name })),
    customFields,
    campaigns,
  }
}
