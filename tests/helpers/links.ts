import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import type Campaign from '#models/campaign'
import type Membership from '#models/membership'
import Message from '#models/message'
import { clock } from '#services/clock'
import { sqlTime } from '#services/db/sql_time'
import { clickLog } from '#services/links/click_log'
import { createMember } from '#tests/helpers/members'
import { campaignContacts, launchedCampaign, texting } from '#tests/helpers/texting'

export const RALLY = 'https://example.org/rally?src=sms&day=sat'
export const TRACKED_SCRIPT = `Hi {firstName}, {texterName} here: join us ${RALLY}. Reply STOP to opt out`

/** The short-link codes in a sent text, in order. */
export function codesIn(body: string) {
  return [...body.matchAll(/\/l\/([A-Za-z0-9]+)/g)].map((match) => match[1])
}

/**
 * A launched campaign whose texter holds `contacts` claimed contacts, with
 * `body` as its first message (tracked links on unless said otherwise).
 */
export async function trackedCampaign(
  client: ApiClient,
  options: Parameters<typeof launchedCampaign>[1] = {}
) {
  const owner = await createMember('owner')
  const texter = await createMember('texter', { organization: owner.organization })
  const { campaign } = await launchedCampaign(owner, {
    body: TRACKED_SCRIPT,
    trackLinks: true,
    ...options,
  })
  await texting(client, texter, 'post', campaign, 'texting.claim').then((r) => r.assertStatus(200))
  const rows = await campaignContacts(campaign)
  return { owner, texter, campaign, rows }
}

/** Presses Send for one contact; answers the queued message. */
export async function sendFirst(
  client: ApiClient,
  texter: Membership,
  campaign: Campaign,
  campaignContactId: number,
  idempotencyKey = `press-${campaignContactId}`
) {
  const response = await texting(client, texter, 'post', campaign, 'texting.send', {
    campaignContactId,
    idempotencyKey,
  })
  response.assertStatus(200)
  return Message.findOrFail(response.body().message.id)
}

/** Marks a first text delivered `agoMs` before now, as a provider's receipt would. */
export async function deliver(message: Message, agoMs = 60_000) {
  const at = sqlTime(new Date(clock.now().getTime() - agoMs))
  await db
    .from('messages')
    .where('id', message.id)
    .update({ status: 'delivered', delivered_at: at })
  await db
    .from('campaign_contacts')
    .where('id', message.campaignContactId!)
    .update({ delivery: 'delivered' })
}

/** Follows a short link as a person's phone would; the hit is written before this answers. */
export async function follow(client: ApiClient, code: string, userAgent = PHONE) {
  const response = await client.get(`/l/${code}`).header('User-Agent', userAgent).redirects(0)
  await clickLog.flush()
  return response
}

export const PHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1'

/** The stored links of a campaign, in the order they were made. */
export function linksOf(campaign: Campaign) {
  return db.from('tracked_links').where('campaign_id', campaign.id).orderBy('id')
}
