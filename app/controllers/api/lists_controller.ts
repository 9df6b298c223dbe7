import type { HttpContext } from '@adonisjs/core/http'
import ContactList from '#models/contact_list'
import CreateList from '#actions/lists/create_list'
import { listsWithSizes } from '#services/contacts/sizes'
import { listNameValidator } from '#validators/contact_list'
import { paginationValidator } from '#validators/pagination'

export default class ListsController {
  async index({ request, membership, bouncer }: HttpContext) {
    await bouncer.with('ContactListPolicy').authorize('viewList')
    const { page = 1, perPage = 50 } = await request.validateUsing(paginationValidator, {
      data: request.qs(),
    })
    const result = await ContactList.forOrganization(membership.organizationId)
      .orderBy('id')
      .paginate(page, perPage)
    return {
      data: await listsWithSizes(membership.organizationId, result.all()),
      meta: { total: result.total, page, perPage },
    }
  }

  async store({ request, response, membership, bouncer }: HttpContext) {
    await bouncer.with('ContactListPolicy').authorize('manage')
    const { name } = await request.validateUsing(listNameValidator)
    const list = await CreateList.handle({ actor: membership, name })
    return response.created({ id: list.id, name: list.name, size: 0 })
  }
}
