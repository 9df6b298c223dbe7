import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import Campaign, { type CampaignStatus, type Window } from '#models/campaign'
import ProviderAccount from '#models/provider_account'
import ScriptVariant from '#models/script_variant'
import type MediaItem from '#models/media_item'
import { picturesInOrder } from '#services/media/attachments'
import FollowUpStep from '#models/follow_up_step'
import SenderNumber from '#models/sender_number'
import { stateRulesFor, type StateRules } from '#services/texting_hours/rules'

/**
 * What the send screen needs about a campaign on every request, kept
 * briefly in memory: the campaign's row for a second; its script and senders, the organization's state rules and the zones of
 * its contacts are kept briefly in memory: a launched campaign's script does
 * not change (only drafts are edited), and the short lifetime bounds how long
 * another process's change (sender numbers, state rules) takes to show here.
 * Tests keep nothing: their rolled-back transactions hand out the same ids again.
 */
const TTL_MS = app.inTest ? 0 : 5_000
/** A campaign's status and settings count within a second. */
const CAMPAIGN_TTL_MS = app.inTest ? 0 : 1_000
/** Which zones a campaign's contacts are in changes only with a new launch. */
const ZONES_TTL_MS = app.inTest ? 0 : 60_000

export type TextingCampaign = {
  id: number
  organizationId: number
  name: string
  status: CampaignStatus
  allowInitialEdit: boolean
  /** Links in its texts are sent as short links that count clicks. */
  trackLinks: boolean
  textingHours: Window | null
  batchSize: number
  maxContactsPerTexter: number | null
  providerAccountId: number | null
  /** Variant id → body; the first variant serves a contact without one. */
  variants: Map<number, string>
  firstVariant: string
  /** Variant id → the library pictures it sends, in order (the first variant's under 0). */
  variantPictures: Map<number, MediaItem[]>
  /** Follow-up step id → the library pictures of each of its variants, in order. */
  followUpPictures: Map<number, MediaItem[][]>
  /** The follow-up steps in order (position 1 comes after the first text). */
  followUps: TextingFollowUp[]
  /** Numbers to send from; `['']` means the account's pool (messaging service / profile). */
  senders: string[]
}

export type TextingFollowUp = Pick<
  FollowUpStep,
  'id' | 'position' | 'afterHours' | 'when' | 'variants'
>

type Entry<T> = { expires: number; value: Promise<T> }

/** Memoizes `load` for `ttl` ms by `keyOf(input)`; a failed load is forgotten at once. */
function memo<I, T>(
  ttl: number,
  load: (input: I) => Promise<T>,
  keyOf = (input: I): unknown => input
) {
  const entries = new Map<unknown, Entry<T>>()
  return {
    get(input: I) {
      const now = Date.now()
      const key = keyOf(input)
      const hit = entries.get(key)
      if (hit && hit.expires > now) return hit.value
      if (entries.size > 1000) entries.clear()
      const value = load(input)
      entries.set(key, { expires: now + ttl, value })
      value.catch(() => entries.delete(key))
      return value
    },
  }
}

const scripts = memo(
  TTL_MS,
  async (campaign: Campaign) => {
    const [variants, senders, followUps] = await Promise.all([
      ScriptVariant.query().where('campaign_id', campaign.id).orderBy('position'),
      sendersOf(campaign),
      FollowUpStep.query().where('campaign_id', campaign.id).orderBy('position'),
    ])
    const pictures = await picturesInOrder(campaign.organizationId, [
      ...variants.flatMap((variant) => variant.mediaIds),
      ...followUps.flatMap((step) => step.variants.flatMap((variant) => variant.mediaIds ?? [])),
    ])
    const picturesOf = (ids: number[]) =>
      ids.flatMap((id) => pictures.filter((picture) => picture.id === id))
    const variantPictures = new Map(
      variants.map((variant) => [variant.id, picturesOf(variant.mediaIds)])
    )
    variantPictures.set(0, picturesOf(variants[0]?.mediaIds ?? []))
    const followUpPictures = new Map(
      followUps.map((step) => [
        step.id,
        step.variants.map((variant) => picturesOf(variant.mediaIds ?? [])),
      ])
    )
    return {
      variants: new Map(variants.map((variant) => [variant.id, variant.body])),
      firstVariant: variants[0]?.body ?? '',
      variantPictures,
      followUpPictures,
      followUps: followUps.map(({ id, position, afterHours, when, variants: bodies }) => ({
        id,
        position,
        afterHours,
        when,
        variants: bodies,
      })),
      senders,
    }
  },
  (campaign) => campaign.id
)

/** The campaign's chosen numbers, else the account's pool when it has one, else all its numbers. */
async function sendersOf(campaign: Campaign) {
  if (campaign.senderNumbers.length) return campaign.senderNumbers
  if (!campaign.providerAccountId) return []
  const account = await ProviderAccount.find(campaign.providerAccountId)
  if (account?.pooled) return ['']
  const numbers = await SenderNumber.query()
    .where('provider_account_id', campaign.providerAccountId)
    .orderBy('id')
  return numbers.map((number) => number.phone)
}

const campaigns = memo(CAMPAIGN_TTL_MS, (id: number) => Campaign.find(id))

/**
 * The campaign when it belongs to `organizationId` (another organization's
 * reads as missing). Its row may be a second old: whatever must hold at the
 * moment of a send or a claim — the campaign is active — is checked again
 * by the SQL that sends or claims.
 */
export async function textingCampaign(
  organizationId: number,
  campaignId: number
): Promise<TextingCampaign | null> {
  const campaign = await campaigns.get(campaignId)
  if (campaign?.organizationId !== organizationId) return null
  return {
    id: campaign.id,
    organizationId: campaign.organizationId,
    name: campaign.name,
    status: campaign.status,
    allowInitialEdit: Boolean(campaign.allowInitialEdit),
    trackLinks: Boolean(campaign.trackLinks),
    textingHours: campaign.textingHours,
    batchSize: campaign.batchSize,
    maxContactsPerTexter: campaign.maxContactsPerTexter,
    providerAccountId: campaign.providerAccountId,
    ...(await scripts.get(campaign)),
  }
}

const stateRules = memo(TTL_MS, (organizationId: number) => stateRulesFor(organizationId))

export function cachedStateRules(organizationId: number): Promise<StateRules> {
  return stateRules.get(organizationId)
}

const zones = memo(ZONES_TTL_MS, async (campaignId: number) => {
  const rows = await db
    .from('campaign_contacts')
    .join('contacts', 'contacts.id', 'campaign_contacts.contact_id')
    .where('campaign_contacts.campaign_id', campaignId)
    .whereNotNull('contacts.timezone')
    .distinct('contacts.timezone')
  return rows.map((row) => row.timezone as string)
})

/** The distinct known time zones of the campaign's contacts. */
export function campaignZones(campaignId: number): Promise<string[]> {
  return zones.get(campaignId)
}

/**
 * The number a contact's first text goes from: the same one for the same
 * contact every time, so a conversation stays on one number.
 */
export function senderFor(campaign: TextingCampaign, contactId: number) {
  return campaign.senders.length ? campaign.senders[contactId % campaign.senders.length] : null
}
