import type { TextingCampaign } from '#services/texting/campaign_context'
import { releaseUnsent } from '#services/texting/assignment'
import { progressOf } from '#services/texting/send_screen'

/** "Done for now": the texter's unsent contacts go back to the pool; conversations stay theirs. */
export default class ReleaseBatch {
  static async handle({ campaign, userId }: { campaign: TextingCampaign; userId: number }) {
    const released = await releaseUnsent(campaign.id, userId)
    return { released, progress: await progressOf(campaign.id, userId) }
  }
}
