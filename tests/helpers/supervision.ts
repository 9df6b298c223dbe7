import { DateTime } from 'luxon'
import type Membership from '#models/membership'
import CampaignContact, { type CampaignContactStatus } from '#models/campaign_contact'
import Message from '#models/message'
import LaunchCampaign from '#actions/campaigns/launch_campaign'
import type { CampaignData } from '#actions/campaigns/save_campaign'
import { createContact, createList } from '#tests/helpers/contacts'
import { createDraft } from '#tests/helpers/campaigns'
import { SENDER } from '#tests/helpers/messaging'

/**
 * An active campaign of `owner`'s organization whose audience is `size` new
 * contacts; answers the campaign and its campaign contacts in id order.
 */
export async function launchedCampaign(
  owner: Membership,
  size: number,
  data: Partial<CampaignData> = {}
) {
  const list = await createList(owner.organizationId, `Audience ${Date.now()} ${Math.random()}`)
  for (let index = 0; index < size; index++) {
    await createContact(owner.organizationId, { lists: [list], firstName: `Person${index}` })
  }
  const draft = await createDraft(owner, { audience: { listIds: [list.id] }, ...data })
  const { campaign } = await LaunchCampaign.handle({ actor: owner, campaign: draft })
  const rows = await CampaignContact.query().where('campaign_id', campaign.id).orderBy('id')
  return { campaign, rows }
}

/**
 * Puts campaign contacts where a test needs them: held by `texter` (null:
 * nobody), at `status`, texted by `messagedBy` and last replying `repliedHoursAgo`.
 */
export async function arrange(
  rows: CampaignContact[],
  state: {
    texter?: Membership | null
    status?: CampaignContactStatus
    messagedBy?: Membership
    repliedHoursAgo?: number
    escalated?: boolean
    sentiment?: 'positive' | 'neutral' | 'negative'
  }
) {
  for (const row of rows) {
    if (state.texter !== undefined) {
      row.assignedUserId = state.texter?.userId ?? null
      row.assignedAt = state.texter ? DateTime.now().minus({ days: 1 }) : null
    }
    if (state.status) row.status = state.status
    if (state.messagedBy) {
      row.messagedById = state.messagedBy.userId
      row.messagedAt = DateTime.now().minus({ days: 1 })
    }
    if (state.repliedHoursAgo !== undefined) {
      row.lastInboundAt = DateTime.now().minus({ hours: state.repliedHoursAgo })
    }
    if (state.escalated) row.escalatedAt = DateTime.now()
    if (state.sentiment) row.sentiment = state.sentiment
    await row.save()
  }
  return rows
}

/** A text of a campaign conversation, `minutesAgo` minutes ago. */
export async function textOf(
  row: CampaignContact,
  options: {
    direction: 'inbound' | 'outbound'
    body: string
    sentBy?: Membership
    minutesAgo?: number
  }
) {
  const at = DateTime.now().minus({ minutes: options.minutesAgo ?? 0 })
  const message = await Message.create({
    organizationId: row.organizationId,
    contactId: row.contactId,
    campaignId: row.campaignId,
    campaignContactId: row.id,
    direction: options.direction,
    body: options.body,
    from: options.direction === 'inbound' ? '+12025550123' : SENDER,
    to: options.direction === 'inbound' ? SENDER : '+12025550123',
    segments: 1,
    encoding: 'GSM-7',
    status: options.direction === 'inbound' ? 'received' : 'sent',
    attempts: 0,
    sentById: options.sentBy?.userId ?? null,
  })
  message.createdAt = at
  await message.save()
  return message
}

/** Who holds each campaign contact now, in the order given. */
export async function holders(rows: CampaignContact[]) {
  const fresh = await CampaignContact.query()
    .whereIn(
      'id',
      rows.map((row) => row.id)
    )
    .orderBy('id')
  return fresh.map((row) => row.assignedUserId)
}
