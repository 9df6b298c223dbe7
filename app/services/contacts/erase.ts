import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Contact from '#models/contact'
import Organization from '#models/organization'
import { audit } from '#services/audit'
import { clock } from '#services/clock'
import { sqlTime } from '#services/db/sql_time'
import { redactEventsAbout } from '#services/outbound_webhooks/erasure'

/**
 * Erases a person's data in the caller's transaction and returns how many
 * of their messages were blanked.
 *
 * Removed: names, email, ZIP, state, time zone, external id, custom fields,
 * opt-in record, tag and list memberships, and the body and media of every
 * message with them, here and in the webhook event log. Kept: the contact row's id, phone and dates, marked
 * erased — the phone is what the opt-out list, message delivery records and
 * replies from that number are matched by, and the row keeps later imports
 * from quietly bringing the person back as someone new. Message rows stay
 * too, so reports keep their counts.
 */
export async function eraseContactData(contact: Contact, trx: TransactionClientContract) {
  const now = clock.dateTime()
  await trx.from('contact_list_members').where('contact_id', contact.id).delete()
  await trx.from('contact_tags').where('contact_id', contact.id).delete()
  const messages = await trx
    .from('messages')
    .where('organization_id', contact.organizationId)
    .where((query) => {
      query
        .where('contact_id', contact.id)
        .orWhere('from_phone', contact.phone)
        .orWhere('to_phone', contact.phone)
    })
    // A changed row: an integration syncing texts by `since` learns of the erasure.
    .update({ body: '', media: null, updated_at: sqlTime(now) })
  await redactEventsAbout(trx, contact.organizationId, contact.id)

  contact.merge({
    firstName: null,
    lastName: null,
    email: null,
    zip: null,
    state: null,
    timezone: null,
    timezoneCandidates: null,
    externalId: null,
    customFields: {},
    optInSource: null,
    optInAt: null,
    erasedAt: now,
  })
  await contact.useTransaction(trx).save()
  return Number(messages)
}

/**
 * "Erase personal data when someone opts out" (`settings.eraseOnOptOut`):
 * erases every not yet erased contact with the opted-out phone. Runs with
 * each opt-out, so a repeated one (a webhook delivered twice) finds nothing
 * left to do.
 */
export async function eraseOnOptOut(
  params: { organizationId: number; phone: string; actorId: number | null },
  trx: TransactionClientContract
) {
  const organization = await Organization.findOrFail(params.organizationId, { client: trx })
  if (!organization.settings.eraseOnOptOut) return 0
  const contacts = await Contact.forOrganization(params.organizationId)
    .where('phone', params.phone)
    .whereNull('erased_at')
    .useTransaction(trx)
  for (const contact of contacts) {
    const messagesBlanked = await eraseContactData(contact, trx)
    await audit(
      {
        organizationId: params.organizationId,
        userId: params.actorId,
        action: 'contact.erased',
        subject: { type: 'contact', id: contact.id },
        details: { messagesBlanked, reason: 'opted_out' },
      },
      trx
    )
  }
  return contacts.length
}
