import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Contact from '#models/contact'
import ContactList from '#models/contact_list'
import type Membership from '#models/membership'
import Tag from '#models/tag'
import ActionRefusedException from '#exceptions/action_refused_exception'
import type { updateContactValidator } from '#validators/contact'
import { audit } from '#services/audit'
import { localityOf } from '#services/timezones/index'
import { recordContactEvents } from '#services/outbound_webhooks/contact_events'
import { refusedField } from '#exceptions/worded_issues'

type Params = { actor: Membership; contact: Contact; data: Infer<typeof updateContactValidator> }

/**
 * Saves the contact page's edit form: names, ZIP and state, custom fields,
 * and which tags and lists the person is on. A new ZIP moves the person's
 * time zone with it (texting hours follow the ZIP).
 */
export default class UpdateContact {
  static async handle({ actor, contact, data }: Params) {
    if (contact.erasedAt) {
      throw new ActionRefusedException('refusals.contacts.erased')
    }
    await db.transaction(async (trx) => {
      const zipChanged = (data.zip ?? null) !== contact.zip
      const stateChanged = (data.state ?? null) !== contact.state
      contact.merge({
        firstName: data.firstName || null,
        lastName: data.lastName || null,
        zip: data.zip || null,
        state: data.state || null,
      })
      if (zipChanged) {
        const locality = localityOf(contact.zip?.slice(0, 5) ?? null, contact.phone)
        contact.merge({
          timezone: locality.timezone,
          timezoneCandidates: locality.candidates.join(',') || null,
          // The ZIP's state, unless the person changed the state themselves.
          state: stateChanged ? contact.state : (locality.state ?? contact.state),
        })
      }
      if (data.customFields) {
        contact.customFields = Object.fromEntries(
          data.customFields.filter((row) => row.value).map((row) => [row.name, row.value!])
        )
      }
      await contact.useTransaction(trx).save()

      if (data.tagIds) {
        await contact.related('tags').sync(await owned(Tag, 'tagIds', contact, data.tagIds, trx))
      }
      if (data.listIds) {
        await contact
          .related('lists')
          .sync(await owned(ContactList, 'listIds', contact, data.listIds, trx))
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
      await recordContactEvents(trx, contact.organizationId, [contact.phone], new Set(), 'edit')
    })
    return contact
  }
}

/** The ids, after checking each is one of the organization's tags or lists. */
async function owned(
  model: typeof Tag | typeof ContactList,
  field: string,
  contact: Contact,
  ids: number[],
  trx: TransactionClientContract
) {
  const found = await model
    .forOrganization(contact.organizationId)
    .useTransaction(trx)
    .whereIn('id', ids)
    .select('id')
  if (found.length !== ids.length) {
    throw refusedField(field, 'exists', 'refusals.fields.tagsAndListsOfOrganization')
  }
  return ids
}
