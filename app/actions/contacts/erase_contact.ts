import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type Contact from '#models/contact'
import type Membership from '#models/membership'
import { recordOptOut } from '#services/opt_outs/record'
import { audit } from '#services/audit'
import { sqlNow } from '#services/db/sql_time'
import { redactEventsAbout } from '#services/outbound_webhooks/erasure'

type Params = { actor: Membership; contact: Contact; optOut: boolean }

/**
 * Erases a person's data at their request.
 *
 * Removed: names, email, ZIP, state, time zone, external id, custom fields,
 * tag and list memberships, and the body and media of every message with
 * them, here and in the webhook event log. Kept: the contact row's id,
 * phone and dates, marked erased — the phone is what the opt-out list, message delivery records and replies from
 * that number are matched by, and the row keeps later imports from quietly
 * bringing the person back as someone new. The opt-out (by phone) stays;
 * with `optOut` the number is also put on the opt-out list, so the person
 * is never texted again.
 */
export default class EraseContact {
  static async handle({ actor, contact, optOut }: Params) {
    await db.transaction(async (trx) => {
      let optedOut = false
      if (optOut) {
        const recorded = await recordOptOut(
          {
            organizationId: contact.organizationId,
            phone: contact.phone,
            source: 'admin',
            reason: 'Asked for their data to be erased',
            actorId: actor.userId,
          },
          trx
        )
        optedOut = recorded.created
      }
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
        .update({ body: '', media: null, updated_at: sqlNow() })
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
        erasedAt: DateTime.now(),
      })
      await contact.useTransaction(trx).save()
      await audit(
        {
          organizationId: contact.organizationId,
          userId: actor.userId,
          action: 'contact.erased',
          subject: { type: 'contact', id: contact.id },
          details: { messagesBlanked: Number(messages), optedOutNow: optedOut },
        },
        trx
      )
    })
    return contact
  }
}
