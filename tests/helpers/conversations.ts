import { DateTime } from 'luxon'
import type Campaign from '#models/campaign'
import CampaignContact, { type CampaignContactStatus } from '#models/campaign_contact'
import type Contact from '#models/contact'
import type Membership from '#models/membership'
import { createDraft } from '#tests/helpers/campaigns'
import { createContact } from '#tests/helpers/contacts'

/** An active campaign of `actor`'s organization (a fake-carrier account, no audience needed). */
export async function createActiveCampaign(
  actor: Membership,
  data: Partial<Parameters<typeof createDraft>[1]> = {}
): Promise<Campaign> {
  const campaign = await createDraft(actor, {
    audience: { listIds: [], segmentId: null, excludeListIds: [], excludeRecentDays: null },
    ...data,
  })
  campaign.status = 'active'
  await campaign.save()
  return campaign
}

/**
 * A conversation: `texter` sent the first text of `campaign` to `contact`
 * (new ones unless given) `minutesAgo` minutes ago.
 */
export async function createConversation(
  texter: Membership,
  options: {
    campaign?: Campaign
    contact?: Contact
    status?: CampaignContactStatus
    minutesAgo?: number
  } = {}
) {
  const organizationId = texter.organizationId
  const campaign = options.campaign ?? (await createActiveCampaign(texter))
  const contact =
    options.contact ??
    (await createContact(organizationId, { firstName: 'Ada', lastName: 'Byron' }))
  const sentAt = DateTime.now().minus({ minutes: options.minutesAgo ?? 10 })
  const conversation = await CampaignContact.create({
    organizationId,
    campaignId: campaign.id,
    contactId: contact.id,
    assignedUserId: texter.userId,
    assignedAt: sentAt,
    status: options.status ?? 'messaged',
    messagedAt: sentAt,
    messagedById: texter.userId,
    lastOutboundAt: sentAt,
  })
  return { campaign, contact, conversation }
}
