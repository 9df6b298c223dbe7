import { DateTime } from 'luxon'
import type { ApiClient, ApiRequest } from '@japa/api-client'
import type Membership from '#models/membership'
import type Campaign from '#models/campaign'
import type Contact from '#models/contact'
import CampaignContact from '#models/campaign_contact'
import LaunchCampaign from '#actions/campaigns/launch_campaign'
import type { CampaignData } from '#actions/campaigns/save_campaign'
import { createDraft } from '#tests/helpers/campaigns'
import { createContact, createList } from '#tests/helpers/contacts'
import { asMember } from '#tests/helpers/web'
import { urlFor } from '@adonisjs/core/services/url_builder'

/** A fixed-offset zone where the local hour is `hour` right now (texting hours are 09–20). */
export function zoneAt(hour: number) {
  for (let offset = -14; offset <= 12; offset++) {
    const zone = offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '+' : ''}${offset}`
    if (DateTime.now().setZone(zone).hour === hour) return zone
  }
  throw new Error(`no zone at ${hour}:00`)
}

/** Awake: noon for the contact. Asleep: three in the morning. */
export const awake = () => zoneAt(12)
export const asleep = () => zoneAt(3)

/**
 * A launched campaign of `owner`'s organization whose audience is `contacts`
 * new contacts (awake unless `timezone` says otherwise), in creation order.
 */
export async function launchedCampaign(
  owner: Membership,
  options: {
    contacts?: number
    timezone?: string
    body?: string
    batchSize?: number
    maxContactsPerTexter?: number | null
    allowInitialEdit?: boolean
    trackLinks?: boolean
    followUps?: CampaignData['script']['followUps']
    /** Library pictures the first text carries. */
    mediaIds?: number[]
  } = {}
) {
  const organizationId = owner.organizationId
  const list = await createList(organizationId, `Audience ${Math.random()}`)
  const contacts: Contact[] = []
  for (let index = 0; index < (options.contacts ?? 3); index++) {
    contacts.push(
      await createContact(organizationId, {
        firstName: `Person${index + 1}`,
        lastName: 'Voter',
        timezone: options.timezone ?? awake(),
        lists: [list],
      })
    )
  }
  const draft = await createDraft(owner, {
    audience: { listIds: [list.id] },
    script: {
      initial: [
        {
          body: options.body ?? 'Hi {firstName}, {texterName} here. Reply STOP to opt out',
          mediaIds: options.mediaIds,
        },
      ],
      followUps: options.followUps,
    },
    batchSize: options.batchSize ?? 200,
    maxContactsPerTexter: options.maxContactsPerTexter ?? null,
    allowInitialEdit: options.allowInitialEdit ?? false,
    trackLinks: options.trackLinks,
  })
  const { campaign } = await LaunchCampaign.handle({ actor: owner, campaign: draft })
  return { campaign, contacts }
}

/** The campaign's snapshot rows, by contact order. */
export function campaignContacts(campaign: Campaign) {
  return CampaignContact.query().where('campaign_id', campaign.id).orderBy('id')
}

type TextingStep =
  | 'texting.next'
  | 'texting.claim'
  | 'texting.send'
  | 'texting.skip'
  | 'texting.opt_out'
  | 'texting.release'

/** A JSON call of the send screen, as `member`. */
export function texting(
  client: ApiClient,
  member: Membership,
  method: 'get' | 'post',
  campaign: { id: number },
  route: TextingStep,
  body?: Record<string, unknown>
): ApiRequest {
  const request = asMember(client[method](urlFor(route, { id: campaign.id })), member).header(
    'Accept',
    'application/json'
  )
  return body ? request.json(body) : request
}
