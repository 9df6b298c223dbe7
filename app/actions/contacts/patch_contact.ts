import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import type { CountryCode } from 'libphonenumber-js'
import type Contact from '#models/contact'
import ContactList from '#models/contact_list'
import type Membership from '#models/membership'
import Tag from '#models/tag'
import ActionRefusedException from '#exceptions/action_refused_exception'
import { phrased } from '#exceptions/refusal_wording'
import type { patchContactValidator } from '#validators/contact'
import { audit } from '#services/audit'
import { recordContactEvents } from '#services/outbound_webhooks/contact_events'
import { normalizeContact } from '#services/importer/normalize'
import { idsByName } from '#services/contacts/named_groups'
import { localityOf } from '#services/timezones/index'

type Params = { actor: Membership; contact: Contact; data: Infer<typeof patchContactValidator> }

const FIELDS = ['firstName', 'lastName', 'email', 'externalId', 'zip'] as const

/**
 * `PATCH /api/v1/contacts/:id`: the fields sent, normalized as an import
 * would; a new ZIP moves the time zone with it. `lists` and `tags` (names,
 * made when missing) replace the contact's.
 */
export default class PatchContact {
  static async handle({ actor, contact, data }: Params) {
    if (contact.erasedAt) {
      throw new ActionRefusedException('refusals.contacts.erased')
    }
    const region = actor.organization.settings.defaultRegion as CountryCode
    const sentFields = Object.fromEntries(
      Object.entries(data.customFields ?? {}).filter(([, value]) => value !== null)
    ) as Record<string, string>
    const normalized = normalizeContact(
      0,
      { phone: contact.phone, ...data, customFields: sentFields },
      region
    )
    if ('message' in normalized) throw new ActionRefusedException(phrased(normalized.phrase))

    await db.transaction(async (trx) => {
      for (const field of FIELDS) {
        if (data[field] !== undefined) contact[field] = normalized[field]
      }
      if (data.zip !== undefined) {
        const locality = localityOf(contact.zip, contact.phone)
        contact.merge({
          state: locality.state,
          timezone: locality.timezone,
          timezoneCandidates: locality.candidates.join(',') || null,
        })
      }
      if (data.customFields) {
        const fields = { ...contact.customFields }
        for (const key of Object.keys(data.customFields)) {
          if (normalized.customFields[key] === undefined) delete fields[key]
          else fields[key] = normalized.customFields[key]
        }
        contact.customFields = fields
      }
      await contact.useTransaction(trx).save()

      for (const [model, names, relation] of [
        [ContactList, data.lists, 'lists'],
        [Tag, data.tags, 'tags'],
      ] as const) {
        if (!names) continue
        const ids = await idsByName(trx, model, contact.organizationId, names)
        await contact.related(relation).sync([...ids.values()])
      }
      await audit(
        {
          organizationId: contact.organizationId,
          userId: actor.userId,
          action: 'contact.updated',
          subject: { type: 'contact', id: contact.id },
        },
        trx
      )
      await recordContactEvents(trx, contact.organizationId, [contact.phone], new Set(), 'api')
    })
    return contact
  }
}
