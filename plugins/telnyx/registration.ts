import type {
  BrandSubmission,
  CampaignSubmission,
  RegistrationContract,
  RegistrationNotice,
  RegistrationState,
  RegistrationStatus,
  SmsAccountConfig,
  WebhookRequest,
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

/** The Campaign Registry's id for Campaign Verify among external vetting providers. */
const CAMPAIGN_VERIFY_EVP = 'CV'

/** Statuses of Telnyx's 10DLC status events that mean the review refused the record. */
const REJECTED_EVENTS = new Set(['REJECTED', 'FAILED'])

type Json = Record<string, any>

/**
 * Telnyx's 10DLC API: brand, campaign (through the campaign builder) and
 * one phone-number-to-campaign assignment per sender number. Brand and
 * campaign carry the account's registration webhook URL, where Telnyx
 * reports each review outcome. Paths and bodies follow Telnyx's OpenAPI
 * description (docs/compliance.md says how they are checked).
 */
export class TelnyxRegistration implements RegistrationContract {
  constructor(private config: SmsAccountConfig) {}

  async #call(method: 'GET' | 'POST' | 'PUT', path: string, body?: Json): Promise<Json> {
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
      ...this.#webhook,
    })
    const state = brandState(answer)
    // A political committee's Campaign Verify token is imported as the brand's external vetting.
    if (brand.campaignVerifyToken) {
      await this.#call('PUT', `/10dlc/brand/${encodeURIComponent(state.ref)}/externalVetting`, {
        evpId: CAMPAIGN_VERIFY_EVP,
        // The token's fifth field is Campaign Verify's id of the verification.
        vettingId: brand.campaignVerifyToken.split('|')[4],
        vettingToken: brand.campaignVerifyToken,
      })
    }
    return state
  }

  get #webhook() {
    const url = this.config.webhookUrls.registration
    return url ? { webhookURL: url } : {}
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
      ...this.#webhook,
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

  /**
   * Telnyx's 10DLC events: `10dlc.brand.update` and `10dlc.campaign.update`
   * in the usual `data.payload` envelope, or a campaign's event bare as its
   * OpenAPI description shows it. Phone number events are not the core's
   * business.
   */
  parseStatusWebhook(request: WebhookRequest): RegistrationNotice[] {
    const body = JSON.parse(request.rawBody) as Json
    const eventType = String(body?.data?.event_type ?? '')
    const payload: Json = body?.data?.payload ?? body ?? {}
    if (eventType && !/^10dlc\.(brand|campaign)\./.test(eventType)) return []
    const isCampaign = eventType ? eventType.startsWith('10dlc.campaign.') : !!payload.campaignId
    const ref = isCampaign ? payload.campaignId : payload.brandId
    if (typeof ref !== 'string' || !ref) return []
    const rejected = REJECTED_EVENTS.has(String(payload.status ?? '').toUpperCase())
    return [
      {
        kind: isCampaign ? 'campaign' : 'brand',
        ref,
        rejected: rejected ? reasonsOf(payload.reasons ?? payload.description) : undefined,
      },
    ]
  }
}

/** Telnyx gives reasons as one string, or a list on some events. */
function reasonsOf(value: unknown) {
  const text = Array.isArray(value) ? value.join('; ') : typeof value === 'string' ? value : ''
  return text || 'Rejected'
}

function brandState(answer: Json): RegistrationState {
  const status = BRAND_STATUS[String(answer.status)] ?? 'pending'
  return {
    ref: String(answer.brandId),
    status,
    reason: status === 'failed' ? reasonsOf(answer.failureReasons) : undefined,
  }
}

function campaignState(answer: Json): RegistrationState {
  const status = CAMPAIGN_STATUS[String(answer.campaignStatus)] ?? 'pending'
  return {
    ref: String(answer.campaignId),
    status,
    reason: status === 'failed' ? reasonsOf(answer.failureReasons) : undefined,
  }
}
