import db from '@adonisjs/lucid/services/db'
import type Membership from '#models/membership'
import type Tag from '#models/tag'
import { audit } from '#services/audit'

/**
 * Deletes a tag; it comes off every contact that had it.
 */
export default class DeleteTag {
  static async handle({ actor, tag }: { actor: Membership; tag: Tag }) {
    await db.transaction(async (trx) => {
      const removed = await trx.from('contact_tags').where('tag_id', tag.id).delete()
      await tag.useTransaction(trx).delete()
      await audit(
        {
          organizationId: tag.organizationId,
          userId: actor.userId,
          action: 'tag.deleted',
          subject: { type: 'tag', id: tag.id },
          details: { name: tag.name, contacts: Number(removed) },
        },
        trx
      )
    })
  }
}
