import type { HttpContext } from '@adonisjs/core/http'
import Contact from '#models/contact'
import OptOut from '#models/opt_out'
import ContactTransformer from '#transformers/contact_transformer'
import { pageOfContacts } from '#services/contacts/contact_search'
import { contactFiltersValidator } from '#validators/contact'

export default class ContactsController {
  /**
   * `?phone=` (any format), `?listId=`, `?tag=` (name), `?search=`,
   * `?optedOut=`; the total is exact.
   */
  async index({ request, membership, bouncer }: HttpContext) {
    await bouncer.with('ContactPolicy').authorize('viewList')
    const {
      page = 1,
      perPage = 50,
      tagId,
      tag,
      ...filters
    } = await request.validateUsing(contactFiltersValidator, { data: request.qs() })
    const result = await pageOfContacts(
      membership.organizationId,
      { ...filters, tag: tagId ?? tag },
      { page, perPage, countCap: null }
    )
    return {
      data: result.contacts.map((contact) =>
        new ContactTransformer(contact, result.optedOut.has(contact.phone)).toObject()
      ),
      meta: { total: result.total, page, perPage },
    }
  }

  async show({ params, membership, bouncer }: HttpContext) {
    await bouncer.with('ContactPolicy').authorize('view')
    const contact = await Contact.forOrganization(membership.organizationId)
      .where('id', params.id)
      .preload('tags', (tags) => tags.orderBy('name'))
      .firstOrFail()
    const optedOut = await OptOut.forOrganization(membership.organizationId)
      .where('phone', contact.phone)
      .first()
    return new ContactTransformer(contact, !!optedOut).toObject()
  }
}
