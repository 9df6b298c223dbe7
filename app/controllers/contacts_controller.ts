import type { HttpContext } from '@adonisjs/core/http'
import Contact from '#models/contact'
import ContactList from '#models/contact_list'
import Message from '#models/message'
import OptOut from '#models/opt_out'
import Tag from '#models/tag'
import ChangeMemberships from '#actions/contacts/change_memberships'
import EraseContact from '#actions/contacts/erase_contact'
import UpdateContact from '#actions/contacts/update_contact'
import ContactTransformer from '#transformers/contact_transformer'
import MessageTransformer from '#transformers/message_transformer'
import OptOutTransformer from '#transformers/opt_out_transformer'
import { pageOfContacts } from '#services/contacts/contact_search'
import {
  bulkMembershipValidator,
  contactFiltersValidator,
  eraseContactValidator,
  updateContactValidator,
} from '#validators/contact'

/** The table counts matches up to this many, then says "more than". */
const COUNT_CAP = 10_000
const PER_PAGE = 50
/** The contact page shows this person's latest messages, up to this many. */
const MESSAGES_SHOWN = 500

export default class ContactsController {
  async index({ inertia, request, membership, bouncer }: HttpContext) {
    await bouncer.with('ContactPolicy').authorize('viewList')
    const {
      page = 1,
      perPage = PER_PAGE,
      tagId,
      tag,
      ...filters
    } = await request.validateUsing(contactFiltersValidator, { data: request.qs() })
    const result = await pageOfContacts(
      membership.organizationId,
      { ...filters, tag: tagId ?? tag },
      { page, perPage, countCap: COUNT_CAP }
    )
    return inertia.render('contacts/index', {
      contacts: result.contacts.map((contact) =>
        new ContactTransformer(contact, result.optedOut.has(contact.phone)).toObject()
      ),
      meta: { page, perPage, total: result.total, totalIsCapped: result.totalIsCapped },
      filters: {
        search: filters.search ?? '',
        listId: filters.listId ?? null,
        tagId: tagId ?? null,
        optedOut: filters.optedOut ?? null,
      },
      lists: () => namesOf(ContactList, membership.organizationId),
      tags: () => namesOf(Tag, membership.organizationId),
    })
  }

  async show({ inertia, params, membership, bouncer }: HttpContext) {
    await bouncer.with('ContactPolicy').authorize('view')
    const contact = await Contact.forOrganization(membership.organizationId)
      .where('id', params.id)
      .preload('tags', (tags) => tags.orderBy('name'))
      .preload('lists', (lists) => lists.orderBy('name'))
      .firstOrFail()
    const optOut = await OptOut.forOrganization(membership.organizationId)
      .where('phone', contact.phone)
      .first()
    const messages = await Message.forOrganization(membership.organizationId)
      .where('contact_id', contact.id)
      .orderBy('id', 'desc')
      .limit(MESSAGES_SHOWN)
    return inertia.render('contacts/show', {
      contact: new ContactTransformer(contact, !!optOut).forPage(),
      optOut: optOut && new OptOutTransformer(optOut).toSummary(),
      messages: messages.reverse().map((message) => new MessageTransformer(message).toSummary()),
      messagesTruncated: messages.length === MESSAGES_SHOWN,
      can: {
        edit: await bouncer.with('ContactPolicy').allows('update'),
        erase: await bouncer.with('ContactPolicy').allows('erase'),
      },
    })
  }

  async edit({ inertia, params, membership, bouncer }: HttpContext) {
    await bouncer.with('ContactPolicy').authorize('update')
    const contact = await Contact.forOrganization(membership.organizationId)
      .where('id', params.id)
      .whereNull('erased_at')
      .preload('tags')
      .preload('lists')
      .firstOrFail()
    return inertia.render('contacts/edit', {
      contact: new ContactTransformer(contact).forEdit(),
      lists: await namesOf(ContactList, membership.organizationId),
      tags: await namesOf(Tag, membership.organizationId),
    })
  }

  async update({ params, request, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('ContactPolicy').authorize('update')
    const contact = await Contact.findForOrganizationOrFail(membership.organizationId, params.id)
    const data = await request.validateUsing(updateContactValidator)
    await UpdateContact.handle({ actor: membership, contact, data })
    session.flash('success', i18n.t('flash.contacts.saved'))
    return response.redirect().toRoute('contacts.show', { id: contact.id })
  }

  async erase({ params, request, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('ContactPolicy').authorize('erase')
    const contact = await Contact.findForOrganizationOrFail(membership.organizationId, params.id)
    const { optOut = false } = await request.validateUsing(eraseContactValidator)
    await EraseContact.handle({ actor: membership, contact, optOut })
    session.flash('success', i18n.t('flash.contacts.erased'))
    return response.redirect().toRoute('contacts.show', { id: contact.id })
  }

  async memberships({ request, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('ContactPolicy').authorize('update')
    const data = await request.validateUsing(bulkMembershipValidator)
    const { target, count } = await ChangeMemberships.handle({ actor: membership, data })
    session.flash(
      'success',
      i18n.t(data.action === 'add' ? 'flash.contacts.added' : 'flash.contacts.removed', {
        count,
        kind: data.listId ? 'list' : 'tag',
        name: target.name,
      })
    )
    return response.redirect().back()
  }
}

function namesOf(model: typeof ContactList | typeof Tag, organizationId: number) {
  return model
    .forOrganization(organizationId)
    .orderBy('name')
    .select('id', 'name')
    .then((rows) => rows.map((row) => ({ id: row.id, name: row.name })))
}
