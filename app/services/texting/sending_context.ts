import type { OrganizationSettings } from '#models/organization'
import type { StateRules } from '#services/texting_hours/rules'
import { cachedStateRules, type TextingCampaign } from '#services/texting/campaign_context'
import { clock } from '#services/clock'

export type Texter = { userId: number; fullName: string }

/** Everything that decides whether a contact may be texted now, read once per request. */
export type SendingContext = {
  campaign: TextingCampaign
  organization: {
    name: string
    settings: Pick<OrganizationSettings, 'textingHours' | 'stateRules' | 'linkDomain'>
  }
  rules: StateRules
  now: Date
}

export async function sendingContext(
  campaign: TextingCampaign,
  organization: SendingContext['organization']
): Promise<SendingContext> {
  return {
    campaign,
    organization,
    rules: await cachedStateRules(campaign.organizationId),
    now: clock.now(),
  }
}
