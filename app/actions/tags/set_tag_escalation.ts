import db from '@adonisjs/lucid/services/db'
import type Membership from '#models/membership'
import type Tag from '#models/tag'
import { audit } from '#services/audit'

/**
 * Turns "Escalates to supervisors" on or off for a tag. It changes how future
 * tagging routes a conversation; conversations already escalated stay so
 * until a supervisor or texter removes the tag.
 */
export default class SetTagEscalation {
  static async handle({
    actor,
    tag,
    escalates,
  }: {
    actor: Membership
    tag: Tag
    escalates: boolean
  }) {
    if (tag.escalates === escalates) return tag
    await db.transaction(async (trx) => {
      tag.escalates = escalates
      await tag.useTransaction(trx).save()
      await audit(
        {
          organizationId: tag.organizationId,
          userId: actor.userId,
          action: 'tag.escalation_changed',
          subject: { type: 'tag', id: tag.id },
          details: { name: tag.name, escalates },
        },
        trx
      )
    })
    return tag
  }
}
