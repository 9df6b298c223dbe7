import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import sms from '#services/sms'
import { audit } from '#services/audit'
import { clock } from '#services/clock'
import { clientFor } from '#services/provider_accounts/clients'
import ProviderAccount from '#models/provider_account'
import SenderNumber from '#models/sender_number'
import TendlcRegistration from '#models/tendlc_registration'
import TendlcRegistrationEvent from '#models/tendlc_registration_event'
import ActionRefusedException from '#exceptions/action_refused_exception'
import type {
  BrandSubmission,
  CampaignSubmission,
  RegistrationContract,
  RegistrationNotice,
  RegistrationState,
  RegistrationStatus,
} from '#sms/types'

export type CampaignDetails = Omit<CampaignSubmission, 'brandRef'>

/** Whether the account's plugin registers 10DLC senders itself. */
export async function registersThroughProvider(account: ProviderAccount) {
  if (!sms.has(account.provider)) return false
  const plugin = await sms.plugin(account.provider)
  return plugin.manifest.capabilities.registration === true
}

async function registrationOf(account: ProviderAccount): Promise<RegistrationContract> {
  const { registration } = await clientFor(account)
  if (!registration) throw new ActionRefusedException('refusals.registration.notSupported')
  return registration
}

/** The account's brand or campaign registration, if one was ever saved. */
export function findRegistration(
  account: ProviderAccount,
  kind: 'brand' | 'campaign',
  client?: TransactionClientContract
) {
  return TendlcRegistration.query({ client })
    .where('organization_id', account.organizationId)
    .where('provider_account_id', account.id)
    .where('kind', kind)
    .first()
}

/**
 * Sends the brand to the provider and stores what it answered: a refusal
 * is kept as a failed registration with the provider's reason.
 */
export async function submitBrand(
  account: ProviderAccount,
  userId: number,
  brand: BrandSubmission
) {
  const registration = await registrationOf(account)
  return record(account, userId, 'brand', brand as unknown as Record<string, unknown>, () =>
    registration.submitBrand(brand)
  )
}

/** Sends the campaign of the account's approved brand to the provider. */
export async function submitCampaign(
  account: ProviderAccount,
  userId: number,
  campaign: CampaignDetails
) {
  const brand = await findRegistration(account, 'brand')
  if (brand?.status !== 'approved' || !brand.providerRef) {
    throw new ActionRefusedException('refusals.registration.brandFirst')
  }
  const registration = await registrationOf(account)
  return record(account, userId, 'campaign', campaign as unknown as Record<string, unknown>, () =>
    registration.submitCampaign({ ...campaign, brandRef: brand.providerRef! })
  )
}

async function record(
  account: ProviderAccount,
  userId: number,
  kind: 'brand' | 'campaign',
  details: Record<string, unknown>,
  submit: () => Promise<RegistrationState>
) {
  let state: RegistrationState | null = null
  let refusal: string | null = null
  try {
    state = await submit()
  } catch (error) {
    refusal = error instanceof Error ? error.message : String(error)
  }
  const now = clock.dateTime()
  return db.transaction(async (trx) => {
    const row =
      (await findRegistration(account, kind, trx)) ??
      new TendlcRegistration().fill({
        organizationId: account.organizationId,
        providerAccountId: account.id,
        kind,
      })
    row.useTransaction(trx)
    row.merge({
      details,
      status: state?.status ?? 'failed',
      statusReason: state ? (state.reason ?? null) : refusal,
      providerRef: state?.ref ?? row.providerRef ?? null,
      submittedAt: now,
      checkedAt: now,
    })
    await row.save()
    await TendlcRegistrationEvent.create(
      {
        organizationId: account.organizationId,
        registrationId: row.id,
        userId,
        action: 'submitted',
        status: row.status,
        reason: row.statusReason,
        details,
        createdAt: now,
      },
      { client: trx }
    )
    await audit(
      {
        organizationId: account.organizationId,
        userId,
        action: 'registration.submitted',
        subject: { type: 'tendlc_registration', id: row.id },
        details: { kind, providerAccountId: account.id, status: row.status },
      },
      trx
    )
    return row
  })
}

/**
 * Asks the provider about a pending registration and records any change.
 * A campaign that turns approved gets the account's numbers linked to it.
 */
export async function refreshRegistration(
  row: TendlcRegistration,
  via: 'poll' | 'webhook' = 'poll'
) {
  if (row.status !== 'pending' || !row.providerRef) return row
  const account = await ProviderAccount.findOrFail(row.providerAccountId)
  const registration = await registrationOf(account)
  const state =
    row.kind === 'brand'
      ? await registration.brandStatus(row.providerRef)
      : await registration.campaignStatus(row.providerRef)
  if (state.status === 'approved' && row.kind === 'campaign') {
    const numbers = await SenderNumber.query().where('provider_account_id', account.id)
    await registration.linkSenders(
      row.providerRef,
      numbers.map((number) => number.phone)
    )
  }
  return recordStatus(row, state.status, state.reason ?? null, via)
}

/**
 * A status webhook the account's client has verified: a rejection is
 * recorded as it stands, with the provider's reason; any other news is
 * read back from the provider, as polling would. Records the provider does
 * not know us by are left alone.
 */
export async function applyRegistrationNotice(
  account: ProviderAccount,
  notice: RegistrationNotice
) {
  const row = await TendlcRegistration.query()
    .where('organization_id', account.organizationId)
    .where('provider_account_id', account.id)
    .where('kind', notice.kind)
    .where('provider_ref', notice.ref)
    .first()
  if (!row) return null
  if (notice.rejected) return recordStatus(row, 'failed', notice.rejected, 'webhook')
  return refreshRegistration(row, 'webhook')
}

/** Saves the reviewed status; a change goes into the history and the audit trail. */
async function recordStatus(
  row: TendlcRegistration,
  status: RegistrationStatus,
  reason: string | null,
  via: 'poll' | 'webhook'
) {
  const now = clock.dateTime()
  const changed = status !== row.status || reason !== row.statusReason
  return db.transaction(async (trx) => {
    row.useTransaction(trx)
    row.merge({ status, statusReason: reason, checkedAt: now })
    await row.save()
    if (!changed) return row
    await TendlcRegistrationEvent.create(
      {
        organizationId: row.organizationId,
        registrationId: row.id,
        userId: null,
        action: 'status',
        status,
        reason,
        details: { via },
        createdAt: now,
      },
      { client: trx }
    )
    await audit(
      {
        organizationId: row.organizationId,
        userId: null,
        action: 'registration.status_changed',
        subject: { type: 'tendlc_registration', id: row.id },
        details: { kind: row.kind, providerAccountId: row.providerAccountId, status, via },
      },
      trx
    )
    return row
  })
}

/** Every pending registration, refreshed; one provider failing does not stop the others. */
export async function pollPendingRegistrations(onError: (error: unknown) => void) {
  const pending = await TendlcRegistration.query().where('status', 'pending').orderBy('id')
  for (const row of pending) {
    await refreshRegistration(row).catch(onError)
  }
  return pending.length
}
