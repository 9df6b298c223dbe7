import db from '@adonisjs/lucid/services/db'
import type ContactList from '#models/contact_list'
import type Membership from '#models/membership'
import { audit } from '#services/audit'

/**
 * Deletes a list and its memberships; the contacts themselves stay.
 */
export default class DeleteList {
  static async handle({ actor, list }: { actor: Membership; list: ContactList }) {
    await db.transaction(async (trx) => {
      const removed = await trx
        .from('contact_list_members')
        .where('contact_list_id', list.id)
        .delete()
      await list.useTransaction(trx).delete()
      await audit(
        {
          organizationId: list.organizationId,
          userId: actor.userId,
          action: 'list.deleted',
          subject: { type: 'contact_list', id: list.id },
          details: { name: list.name, size: Number(removed) },
        },
        trx
      )
    })
  }
}
