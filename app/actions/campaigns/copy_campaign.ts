import type Campaign from '#models/campaign'
import type Membership from '#models/membership'
import SaveCampaign from '#actions/campaigns/save_campaign'
import { scriptOf } from '#services/campaigns/script'

/**
 * A new draft with the script and settings of `campaign` and the same
 * audience choices, to adjust before launching: the audience is snapshotted
 * afresh at its own launch, never carried over.
 */
export default class CopyCampaign {
  static async handle({
    actor,
    campaign,
    name,
  }: {
    actor: Membership
    campaign: Campaign
    name?: string
  }) {
    const script = await scriptOf(campaign)
    const copy = await SaveCampaign.handle({
      actor,
      data: {
        name: name ?? `${campaign.name} (copy)`.slice(0, 120),
        purpose: campaign.purpose,
        providerAccountId: campaign.providerAccountId,
        senderNumbers: campaign.senderNumbers,
        audience: campaign.audience,
        script: {
          initial: script.initial,
          steps: script.steps,
          cannedResponses: script.cannedResponses,
          followUps: script.followUps,
        },
        textingHours: campaign.textingHours,
        batchSize: campaign.batchSize,
        maxContactsPerTexter: campaign.maxContactsPerTexter,
        allowInitialEdit: Boolean(campaign.allowInitialEdit),
        trackLinks: Boolean(campaign.trackLinks),
      },
    })
    copy.copiedFromId = campaign.id
    await copy.save()
    return copy
  }
}
