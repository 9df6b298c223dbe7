import { claimBatch } from '#services/texting/assignment'
import { closedZones, progressOf, type SendingContext } from '#services/texting/sendable'
import { notActive } from '#actions/texting/send_initial'

type Params = { context: SendingContext; texter: { userId: number; membershipId: number } }

/** "Start texting": the texter takes a batch of the campaign's unsent contacts (see claimBatch). */
export default class ClaimBatch {
  static async handle({ context, texter }: Params) {
    if (context.campaign.status !== 'active') throw notActive()
    const claimed = await claimBatch(context.campaign, texter, await closedZones(context))
    if (claimed === null) throw notActive()
    return { claimed, progress: await progressOf(context.campaign.id, texter.userId) }
  }
}
