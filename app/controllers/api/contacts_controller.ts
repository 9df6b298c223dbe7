import type { HttpContext } from '@adonisjs/core/http'
import Contact from '#models/contact'
import OptOut from '#models/opt_out'
import ContactTransformer from '#transformers/contact_transformer'
import { pageOfContacts } from '#services/contacts/contact_search'
import EraseContact from '#actions/contacts/erase_contact'
import PatchContact from '#actions/contacts/patch_contact'
import UpsertContacts from '#actions/contacts/upsert_contacts'
import {
  contactFiltersValidator,
  eraseContactValidator,
  patchContactValidator,
  upsertContactsValidator,
} from '#validators/contact'

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

  /** Upsert by phone, up to 1,000 at a time, counted per item as an import counts rows. */
  async upsert({ request, membership, bouncer }: HttpContext) {
    await bouncer.with('ContactPolicy').authorize('update')
    const { contacts } = await request.validateUsing(upsertContactsValidator)
    return UpsertContacts.handle({ actor: membership, items: contacts })
  }

  async update({ params, request, membership, bouncer }: HttpContext) {
    await bouncer.with('ContactPolicy').authorize('update')
    const found = await Contact.findForOrganizationOrFail(membership.organizationId, params.id)
    const data = await request.validateUsing(patchContactValidator)
    const contact = await PatchContact.handle({ actor: membership, contact: found, data })
    await contact.load('tags', (tags) => tags.orderBy('name'))
    const optedOut = await OptOut.forOrganization(membership.organizationId)
      .where('phone', contact.phone)
      .first()
    return new ContactTransformer(contact, !!optedOut).toObject()
  }

  /**
   * Erasure, as the contact page's: by default the phone also goes on the
   * opt-out list (as the page's box is ticked), unless `?optOut=false`.
   */
  async destroy({ params, request, response, membership, bouncer }: HttpContext) {
    await bouncer.with('ContactPolicy').authorize('erase')
    const contact = await Contact.findForOrganizationOrFail(membership.organizationId, params.id)
    const { optOut = true } = await request.validateUsing(eraseContactValidator, {
      data: request.qs(),
    })
    await EraseContact.handle({ actor: membership, contact, optOut })
    return response.noContent()
  }
}
