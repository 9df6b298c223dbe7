import db from '@adonisjs/lucid/services/db'
import { recordOptOut } from '#services/opt_outs/record'
import TextingRefusedException from '#exceptions/texting_refused_exception'
import { markUnsentOptedOut } from '#services/texting/assignment'
import { findSendableRow } from '#services/texting/sendable_rows'
import type { SendingContext, Texter } from '#services/texting/sending_context'
import { nextAndProgress } from '#services/texting/send_screen'

type Params = { context: SendingContext; texter: Texter; campaignContactId: number }

/**
 * The texter knows this person does not want texts (a wrong number, a
 * request made elsewhere): the phone goes on the organization's opt-out list
 * and the contact is not texted. Repeating it changes nothing.
 */
export default class OptOutContact {
  static async handle({ context, texter, campaignContactId }: Params) {
    const { campaign } = context
    const row = await findSendableRow(campaign.id, campaignContactId)
    if (row.assigned_user_id !== texter.userId) {
      throw new TextingRefusedException('texting.refused.notAssigned', 'not_assigned', {
        status: 409,
      })
    }
    await db.transaction(async (trx) => {
      await recordOptOut(
        {
          organizationId: campaign.organizationId,
          phone: row.phone,
          source: 'texter',
          reason: 'Marked by the texter before the first text',
          actorId: texter.userId,
        },
        trx
      )
      await markUnsentOptedOut(row.id, trx)
    })
    return nextAndProgress(context, texter)
  }
}
