import { DateTime } from 'luxon'
import type Campaign from '#models/campaign'
import CampaignContact, { type CampaignContactStatus } from '#models/campaign_contact'
import type Contact from '#models/contact'
import Message from '#models/message'
import type Membership from '#models/membership'
import { createDraft } from '#tests/helpers/campaigns'
import { createContact } from '#tests/helpers/contacts'
import { SENDER } from '#tests/helpers/messaging'

/** A fixed-offset zone where the local hour is now `hour` (tests never depend on the clock). */
export function zoneAt(hour: number) {
  for (let offset = -14; offset <= 12; offset++) {
    const zone = offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '+' : ''}${offset}`
    if (DateTime.now().setZone(zone).hour === hour) return zone
  }
  throw new Error(`no zone at ${hour}:00`)
}

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
 * (new ones unless given; a new contact lives where it is midday)
 * `minutesAgo` minutes ago, from the campaign's number.
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
    (await createContact(organizationId, {
      firstName: 'Ada',
      lastName: 'Byron',
      timezone: zoneAt(12),
    }))
  const sentAt = DateTime.now().minus({ minutes: options.minutesAgo ?? 10 })
  const status = options.status ?? 'messaged'
  // Waiting on us or answered: the person has written back (a minute after the first text).
  const repliedAt = ['needs_response', 'conversing'].includes(status)
    ? sentAt.plus({ minutes: 1 })
    : null
  const conversation = await CampaignContact.create({
    organizationId,
    campaignId: campaign.id,
    contactId: contact.id,
    assignedUserId: texter.userId,
    assignedAt: sentAt,
    status,
    messagedAt: sentAt,
    messagedById: texter.userId,
    lastOutboundAt: sentAt,
    repliedAt,
    lastInboundAt: repliedAt,
  })
  await Message.create({
    organizationId,
    providerAccountId: campaign.providerAccountId,
    contactId: contact.id,
    campaignId: campaign.id,
    campaignContactId: conversation.id,
    direction: 'outbound',
    body: 'Hi Ada, can we count on your vote?',
    from: SENDER,
    to: contact.phone,
    status: 'delivered',
    segments: 1,
    encoding: 'GSM-7',
    attempts: 1,
    sentById: texter.userId,
    createdAt: sentAt,
  })
  return { campaign, contact, conversation }
}

/**
 * A survey: "Will you vote?" → Yes (asks "Need a ride?" → Yes / No) or No,
 * with follow-ups that use merge fields.
 */
export const SURVEY = [
  {
    question: 'Will you vote?',
    answers: [
      {
        answer: 'Yes',
        script: 'Great, {firstName}! Need a ride?',
        next: {
          question: 'Need a ride?',
          answers: [
            { answer: 'Ride', script: 'We will call you, {firstName}.', next: null },
            { answer: 'No ride', script: 'See you there!', next: null },
          ],
        },
      },
      { answer: 'No', script: 'Thanks for your time, {firstName}.', next: null },
    ],
  },
]
