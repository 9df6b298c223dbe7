import { skipContact } from '#services/texting/assignment'
import { nextAndProgress, type SendingContext, type Texter } from '#services/texting/sendable'

type Params = { context: SendingContext; texter: Texter; campaignContactId: number }

/** Skip: the contact goes to the back of the pool (see skipContact); the next card comes back. */
export default class SkipContact {
  static async handle({ context, texter, campaignContactId }: Params) {
    await skipContact(context.campaign.id, texter.userId, campaignContactId)
    return nextAndProgress(context, texter)
  }
}
