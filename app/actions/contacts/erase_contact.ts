import db from '@adonisjs/lucid/services/db'
import type Contact from '#models/contact'
import type Membership from '#models/membership'
import { recordOptOut } from '#services/opt_outs/record'
import { audit } from '#services/audit'
import { eraseContactData } from '#services/contacts/erase'

type Params = { actor: Membership; contact: Contact; optOut: boolean }

/**
 * Erases a person's data at their request (see `eraseContactData` for what
 * goes and what stays). The opt-out (by phone) stays; with `optOut` the
 * number is also put on the opt-out list, so the person is never texted
 * again.
 */
export default class EraseContact {
  static async handle({ actor, contact, optOut }: Params) {
    await db.transaction(async (trx) => {
      // Erased first: the opt-out's own erasure (`eraseOnOptOut`) then finds nothing left.
      const messagesBlanked = await eraseContactData(contact, trx)
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
      await audit(
        {
          organizationId: contact.organizationId,
          userId: actor.userId,
          action: 'contact.erased',
          subject: { type: 'contact', id: contact.id },
          details: { messagesBlanked, optedOutNow: optedOut },
        },
        trx
      )
    })
    return contact
  }
}
