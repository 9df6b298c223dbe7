import type { HttpContext } from '@adonisjs/core/http'
import ContactList from '#models/contact_list'
import CreateList from '#actions/lists/create_list'
import DeleteList from '#actions/lists/delete_list'
import RenameList from '#actions/lists/rename_list'
import { listsWithSizes, tagsWithCounts } from '#services/contacts/sizes'
import { listNameValidator } from '#validators/contact_list'

/**
 * The "Lists and tags" page: lists with their sizes and tags with how many
 * contacts carry them. Tags are managed by the TagsController.
 */
export default class ListsController {
  async index({ inertia, membership, bouncer }: HttpContext) {
    await bouncer.with('ContactListPolicy').authorize('viewList')
    return inertia.render('lists/index', {
      lists: await listsWithSizes(membership.organizationId),
      tags: await tagsWithCounts(membership.organizationId),
    })
  }

  async store({ request, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('ContactListPolicy').authorize('manage')
    const { name } = await request.validateUsing(listNameValidator)
    await CreateList.handle({ actor: membership, name })
    session.flash('success', i18n.t('flash.lists.created', { name }))
    return response.redirect().toRoute('lists.index')
  }

  async update({ params, request, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('ContactListPolicy').authorize('manage')
    const list = await ContactList.findForOrganizationOrFail(membership.organizationId, params.id)
    const { name } = await request.validateUsing(listNameValidator)
    await RenameList.handle({ list, name })
    session.flash('success', i18n.t('flash.lists.renamed'))
    return response.redirect().toRoute('lists.index')
  }

  async destroy({ params, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('ContactListPolicy').authorize('manage')
    const list = await ContactList.findForOrganizationOrFail(membership.organizationId, params.id)
    await DeleteList.handle({ actor: membership, list })
    session.flash('success', i18n.t('flash.lists.deleted', { name: list.name }))
    return response.redirect().toRoute('lists.index')
  }
}
