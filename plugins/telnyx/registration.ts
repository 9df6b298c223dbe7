import type {
  BrandSubmission,
  CampaignSubmission,
  RegistrationContract,
  RegistrationState,
  RegistrationStatus,
  SmsAccountConfig,
} from '#sms/types'

const ENTITY_TYPES: Record<BrandSubmission['entityType'], string> = {
  private_profit: 'PRIVATE_PROFIT',
  public_profit: 'PUBLIC_PROFIT',
  non_profit: 'NON_PROFIT',
  // The Campaign Registry files 527 committees as non-profits with the POLITICAL vertical.
  political_committee: 'NON_PROFIT',
  government: 'GOVERNMENT',
}

const BRAND_STATUS: Record<string, RegistrationStatus> = {
  OK: 'approved',
  REGISTRATION_PENDING: 'pending',
  REGISTRATION_FAILED: 'failed',
}

const CAMPAIGN_STATUS: Record<string, RegistrationStatus> = {
  TCR_ACCEPTED: 'pending',
  TCR_PENDING: 'pending',
  TELNYX_ACCEPTED: 'pending',
  MNO_PENDING: 'pending',
  MNO_PROVISIONED: 'approved',
  MNO_ACCEPTED: 'approved',
  TCR_FAILED: 'failed',
  TELNYX_FAILED: 'failed',
  MNO_REJECTED: 'failed',
  MNO_PROVISIONING_FAILED: 'failed',
  TCR_SUSPENDED: 'failed',
  TCR_EXPIRED: 'failed',
}

type Json = Record<string, any>

/**
 * Telnyx's 10DLC API: brand, campaign (through the campaign builder) and
 * one phone-number-to-campaign assignment per sender number.
 */
export class TelnyxRegistration implements RegistrationContract {
  constructor(private config: SmsAccountConfig) {}

  async #call(method: 'GET' | 'POST', path: string, body?: Json): Promise<Json> {
    const base = this.config.settings.apiBaseUrl || 'https://api.telnyx.com/v2'
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.config.credentials.apiKey ?? ''}`,
        accept: 'application/json',
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(15_000),
    })
    const answer = (await response.json().catch(() => ({}))) as Json
    if (!response.ok) {
      const detail = Array.isArray(answer.errors)
        ? answer.errors.map((error: Json) => error.detail ?? error.title).join('; ')
        : ''
      throw new Error(
        `Telnyx refused the request (${response.status}): ${detail || 'no reason given'}`
      )
    }
    return answer
  }

  async submitBrand(brand: BrandSubmission) {
    const answer = await this.#call('POST', '/10dlc/brand', {
      entityType: ENTITY_TYPES[brand.entityType],
      displayName: brand.legalName,
      companyName: brand.legalName,
      ein: brand.ein,
      phone: brand.phone,
      street: brand.street,
      city: brand.city,
      state: brand.state,
      postalCode: brand.postalCode,
      country: brand.country,
      email: brand.email,
      website: brand.website,
      vertical: brand.vertical,
    })
    return brandState(answer)
  }

  async brandStatus(ref: string) {
    return brandState(await this.#call('GET', `/10dlc/brand/${encodeURIComponent(ref)}`))
  }

  async submitCampaign(campaign: CampaignSubmission) {
    const samples = Object.fromEntries(
      campaign.samples.slice(0, 5).map((sample, index) => [`sample${index + 1}`, sample])
    )
    const answer = await this.#call('POST', '/10dlc/campaignBuilder', {
      brandId: campaign.brandRef,
      usecase: campaign.useCase,
      description: campaign.description,
      messageFlow: campaign.messageFlow,
      ...samples,
      embeddedLink: campaign.hasEmbeddedLinks,
      embeddedPhone: campaign.hasEmbeddedPhone,
      subscriberOptin: true,
      subscriberOptout: true,
      subscriberHelp: true,
      numberPool: false,
      ageGated: false,
      directLending: false,
      termsAndConditions: true,
      optinKeywords: campaign.optInKeywords.join(','),
      optoutKeywords: campaign.optOutKeywords.join(','),
      helpKeywords: campaign.helpKeywords.join(','),
      optinMessage: campaign.optInMessage,
      optoutMessage: campaign.optOutMessage,
      helpMessage: campaign.helpMessage,
    })
    return campaignState(answer)
  }

  async campaignStatus(ref: string) {
    return campaignState(await this.#call('GET', `/10dlc/campaign/${encodeURIComponent(ref)}`))
  }

  async linkSenders(campaignRef: string, phones: string[]) {
    for (const phoneNumber of phones) {
      await this.#call('POST', '/10dlc/phone_number_campaigns', {
        phoneNumber,
        campaignId: campaignRef,
      })
    }
  }
}

function brandState(answer: Json): RegistrationState {
  const status = BRAND_STATUS[String(answer.status)] ?? 'pending'
  const reasons = Array.isArray(answer.failureReasons) ? answer.failureReasons.join('; ') : ''
  return {
    ref: String(answer.brandId),
    status,
    reason: status === 'failed' ? reasons || 'Rejected' : undefined,
  }
}

function campaignState(answer: Json): RegistrationState {
  const status = CAMPAIGN_STATUS[String(answer.campaignStatus)] ?? 'pending'
  const reasons = Array.isArray(answer.failureReasons) ? answer.failureReasons.join('; ') : ''
  return {
    ref: String(answer.campaignId),
    status,
    reason: status === 'failed' ? reasons || 'Rejected' : undefined,
  }
}
