import type { HttpContext } from '@adonisjs/core/http'
import Tag from '#models/tag'
import CreateTag from '#actions/tags/create_tag'
import DeleteTag from '#actions/tags/delete_tag'
import RenameTag from '#actions/tags/rename_tag'
import SetTagEscalation from '#actions/tags/set_tag_escalation'
import { tagEscalationValidator, tagNameValidator } from '#validators/contact_list'

/**
 * Tags live on the "Lists and tags" page; every action returns there.
 */
export default class TagsController {
  async store({ request, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('ContactListPolicy').authorize('manage')
    const { name } = await request.validateUsing(tagNameValidator)
    await CreateTag.handle({ actor: membership, name })
    session.flash('success', i18n.t('flash.tags.created', { name }))
    return response.redirect().toRoute('lists.index')
  }

  async update({ params, request, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('ContactListPolicy').authorize('manage')
    const tag = await Tag.findForOrganizationOrFail(membership.organizationId, params.id)
    const { name } = await request.validateUsing(tagNameValidator)
    await RenameTag.handle({ tag, name })
    session.flash('success', i18n.t('flash.tags.renamed'))
    return response.redirect().toRoute('lists.index')
  }

  async escalation({ params, request, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('ContactListPolicy').authorize('manage')
    const tag = await Tag.findForOrganizationOrFail(membership.organizationId, params.id)
    const { escalates } = await request.validateUsing(tagEscalationValidator)
    await SetTagEscalation.handle({ actor: membership, tag, escalates })
    session.flash(
      'success',
      i18n.t(escalates ? 'flash.tags.escalates' : 'flash.tags.noLongerEscalates', {
        name: tag.name,
      })
    )
    return response.redirect().toRoute('lists.index')
  }

  async destroy({ params, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('ContactListPolicy').authorize('manage')
    const tag = await Tag.findForOrganizationOrFail(membership.organizationId, params.id)
    await DeleteTag.handle({ actor: membership, tag })
    session.flash('success', i18n.t('flash.tags.deleted', { name: tag.name }))
    return response.redirect().toRoute('lists.index')
  }
}
