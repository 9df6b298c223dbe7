import type Campaign from '#models/campaign'
import type Contact from '#models/contact'
import type Organization from '#models/organization'
import { textingWindow } from '#services/texting_hours/index'
import { stateRulesFor } from '#services/texting_hours/rules'

/**
 * Replies keep to the same texting hours as first texts (docs/conversations.md
 * says why): the recipient's local window for this campaign, now.
 */
export async function replyWindow(
  organization: Organization,
  campaign: Campaign,
  contact: Contact
) {
  return textingWindow({
    contact,
    organization,
    campaignHours: campaign.textingHours,
    stateRules: await stateRulesFor(organization.id),
  })
}
