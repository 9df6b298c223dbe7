import type Contact from '#models/contact'
import { BaseTransformer } from '@adonisjs/core/transformers'

/**
 * A contact as the API and the contacts pages show it. Tags must be
 * preloaded (and lists, for `forPage` and `forEdit`); `optedOut` says
 * whether the phone is on the opt-out list.
 */
export default class ContactTransformer extends BaseTransformer<Contact> {
  constructor(
    resource: Contact,
    private optedOut = false
  ) {
    super(resource)
  }

  toObject() {
    const contact = this.resource
    return {
      ...this.identity(),
      timezone: contact.timezone,
      customFields: contact.customFields ?? {},
      tags: (contact.tags ?? []).map((tag) => tag.name),
      optedOut: this.optedOut,
      erased: contact.erasedAt !== null && contact.erasedAt !== undefined,
      optIn: this.optIn(),
    }
  }

  /** The consent record an import gave the contact, if any. */
  private optIn() {
    const contact = this.resource
    if (!contact.optInSource && !contact.optInAt) return null
    return { source: contact.optInSource, at: contact.optInAt?.toUTC().toISO() ?? null }
  }

  /** The fields every view of a contact starts with. */
  private identity() {
    const contact = this.resource
    return {
      id: contact.id,
      phone: contact.phone,
      firstName: contact.firstName,
      lastName: contact.lastName,
      zip: contact.zip,
      state: contact.state,
    }
  }

  /** The contact's page: everything known about them. */
  forPage() {
    const contact = this.resource
    return {
      ...this.toObject(),
      email: contact.email,
      externalId: contact.externalId,
      timezoneCandidates: contact.timezoneCandidates?.split(',') ?? [],
      erasedAt: contact.erasedAt?.toUTC().toISO() ?? null,
      createdAt: contact.createdAt.toUTC().toISO(),
      lists: contact.lists.map((list) => ({ id: list.id, name: list.name })),
    }
  }

  /** The edit form's values. */
  forEdit() {
    const contact = this.resource
    return {
      ...this.identity(),
      customFields: Object.entries(contact.customFields ?? {}).map(([name, value]) => ({
        name,
        value,
      })),
      tagIds: contact.tags.map((tag) => tag.id),
      listIds: contact.lists.map((list) => list.id),
    }
  }
}
