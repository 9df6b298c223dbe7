import type Membership from '#models/membership'
import type Organization from '#models/organization'
import Contact from '#models/contact'
import { customFieldHeaders } from '#services/contacts/custom_field_headers'
import { preview } from '#services/scripts/preview'
import type { Translator } from '#services/i18n/translator'

type Params = {
  actor: Membership & { user: { fullName: string } }
  organization: Pick<Organization, 'id' | 'name'>
  body: string
  /** Render for this contact of the organization (404 for another's). */
  contactId?: number
  firstMessage?: boolean
  /** The wording of the lints; English when not given. */
  i18n?: Translator
}

/**
 * A script as the acting member would send it: `{texterName}` is their own
 * first name, and the contact (when given) fills its fields. Unknown-field
 * warnings compare against the organization's custom field headers.
 */
export default class PreviewScript {
  static async handle({ actor, organization, body, contactId, firstMessage, i18n }: Params) {
    const contact = contactId
      ? await Contact.forOrganization(organization.id)
          .where('id', contactId)
          .whereNull('erased_at')
          .firstOrFail()
      : null
    return preview({
      body,
      contact,
      texter: actor.user,
      organization,
      firstMessage,
      customFieldNames: await customFieldHeaders(organization.id),
      i18n,
    })
  }
}
