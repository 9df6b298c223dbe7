import type { CountryCode } from 'libphonenumber-js'
import type Membership from '#models/membership'
import { audit } from '#services/audit'
import { upsertContacts } from '#services/contacts/upsert'

type Params = { actor: Membership; items: unknown[] }

/**
 * `PUT /api/v1/contacts`: the items written as an import writes rows (with
 * the organization's default country for phones), audited with the counts
 * as an import is.
 */
export default class UpsertContacts {
  static async handle({ actor, items }: Params) {
    const region = actor.organization.settings.defaultRegion as CountryCode
    const answer = await upsertContacts(actor.organizationId, region, items)
    const { created, updated, invalid, duplicates, optedOut } = answer
    await audit({
      organizationId: actor.organizationId,
      userId: actor.userId,
      action: 'contacts.upserted',
      details: { created, updated, invalid, duplicates, optedOut },
    })
    return answer
  }
}
