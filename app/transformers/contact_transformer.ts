import type Contact from '#models/contact'
import { BaseTransformer } from '@adonisjs/core/transformers'

/**
 * A contact as the API and the contacts pages show it. Tags must be
 * preloaded; `optedOut` says whether the phone is on the opt-out list.
 */
export default class ContactTransformer extends BaseTransformer<Contact> {
  constructor(
    resource: Contact,
    private optedOut: boolean
  ) {
    super(resource)
  }

  toObject() {
    const contact = this.resource
    return {
      id: contact.id,
      phone: contact.phone,
      firstName: contact.firstName,
      lastName: contact.lastName,
      zip: contact.zip,
      state: contact.state,
      timezone: contact.timezone,
      customFields: contact.customFields ?? {},
      tags: (contact.tags ?? []).map((tag) => tag.name),
      optedOut: this.optedOut,
    }
  }
}
