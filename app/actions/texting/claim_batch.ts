import { claimBatch } from '#services/texting/assignment'
import type { SendingContext } from '#services/texting/sending_context'
import { closedZones } from '#services/texting/sending_windows'
import { progressOf } from '#services/texting/send_screen'
import { campaignNotActive } from '#services/texting/refusals'

type Params = { context: SendingContext; texter: { userId: number; membershipId: number } }

/** "Start texting": the texter takes a batch of the campaign's unsent contacts (see claimBatch). */
export default class ClaimBatch {
  static async handle({ context, texter }: Params) {
    if (context.campaign.status !== 'active') throw campaignNotActive()
    const claimed = await claimBatch(context.campaign, texter, await closedZones(context))
    if (claimed === null) throw campaignNotActive()
    return { claimed, progress: await progressOf(context.campaign.id, texter.userId) }
  }
}
