import Organization from '#models/organization'
import type ProviderAccount from '#models/provider_account'
import TendlcRegistrationEvent from '#models/tendlc_registration_event'
import User from '#models/user'
import { campaignDefaults } from '#services/registration/campaign_defaults'
import { parseCampaignVerifyToken, tokenExpiry } from '#services/registration/campaign_verify'
import { findRegistration } from '#services/registration/registrations'
import type TendlcRegistration from '#models/tendlc_registration'

/** What the token says, else what the owner copied from Campaign Verify. */
function campaignVerifyExpiry(token: unknown, typed: unknown) {
  if (typeof token !== 'string') return null
  const expiresAt =
    parseCampaignVerifyToken(token).expiresAt ??
    tokenExpiry(typeof typed === 'string' ? typed : undefined)
  return expiresAt?.toISODate() ?? null
}

function shown(row: TendlcRegistration | null) {
  if (!row) return null
  return {
    status: row.status,
    statusReason: row.statusReason,
    providerRef: row.providerRef,
    submittedAt: row.submittedAt?.toISO() ?? null,
    checkedAt: row.checkedAt?.toISO() ?? null,
    details: row.details,
  }
}

/**
 * What the 10DLC page shows: the brand and campaign as last submitted, with
 * status and history, and the campaign form's defaults from the
 * organization's scripts and settings.
 */
export default class GetRegistrationPage {
  static async handle(account: ProviderAccount) {
    const brand = await findRegistration(account, 'brand')
    const campaign = await findRegistration(account, 'campaign')
    const ids = [brand?.id, campaign?.id].filter((id): id is number => Boolean(id))
    const events = ids.length
      ? await TendlcRegistrationEvent.query()
          .where('organization_id', account.organizationId)
          .whereIn('registration_id', ids)
          .orderBy('id', 'desc')
      : []
    const users = await User.query().whereIn(
      'id',
      events.map((event) => event.userId).filter((id): id is number => id !== null)
    )
    const organization = await Organization.findOrFail(account.organizationId)
    return {
      brand: shown(brand),
      campaign: shown(campaign),
      campaignVerifyExpiresAt: campaignVerifyExpiry(
        brand?.details.campaignVerifyToken,
        brand?.details.campaignVerifyExpiresOn
      ),
      history: events.map((event) => ({
        id: event.id,
        kind: (event.registrationId === brand?.id ? 'brand' : 'campaign') as 'brand' | 'campaign',
        action: event.action,
        status: event.status,
        reason: event.reason,
        by: users.find((user) => user.id === event.userId)?.fullName ?? null,
        at: event.createdAt.toISO()!,
      })),
      defaults: await campaignDefaults(organization),
    }
  }
}
