import { skipContact } from '#services/texting/assignment'
import type { SendingContext, Texter } from '#services/texting/sending_context'
import { nextAndProgress } from '#services/texting/send_screen'

type Params = { context: SendingContext; texter: Texter; campaignContactId: number }

/** Skip: the contact goes to the back of the pool (see skipContact); the next card comes back. */
export default class SkipContact {
  static async handle({ context, texter, campaignContactId }: Params) {
    await skipContact(context.campaign.id, texter.userId, campaignContactId)
    return nextAndProgress(context, texter)
  }
}
