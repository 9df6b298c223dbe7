import type {
  BrandSubmission,
  CampaignSubmission,
  RegistrationContract,
  RegistrationState,
  RegistrationStatus,
  SmsAccountConfig,
} from '#sms/types'

const BRAND_STATUS: Record<string, RegistrationStatus> = {
  PENDING: 'pending',
  IN_REVIEW: 'pending',
  APPROVED: 'approved',
  FAILED: 'failed',
  SUSPENDED: 'failed',
  DELETED: 'failed',
}

const CAMPAIGN_STATUS: Record<string, RegistrationStatus> = {
  PENDING: 'pending',
  IN_PROGRESS: 'pending',
  VERIFIED: 'approved',
  FAILED: 'failed',
}

type Json = Record<string, any>

/**
 * Twilio's A2P 10DLC registration (Messaging API v1). The brand's identity
 * lives in Trust Hub bundles (customer profile and A2P profile), whose SIDs
 * the account's settings carry; the campaign belongs to the account's
 * messaging service, so its numbers follow the campaign without linking.
 */
export class TwilioRegistration implements RegistrationContract {
  constructor(private config: SmsAccountConfig) {}

  get #base() {
    return this.config.settings.apiBaseUrl || 'https://messaging.twilio.com'
  }

  get #service() {
    const sid = this.config.credentials.messagingServiceSid
    if (!sid)
      throw new Error('A 10DLC campaign on Twilio needs the account’s messaging service SID')
    return sid
  }

  async #call(method: 'GET' | 'POST', path: string, form?: URLSearchParams): Promise<Json> {
    const { accountSid, authToken } = this.config.credentials
    const response = await fetch(`${this.#base}${path}`, {
      method,
      headers: {
        authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
        accept: 'application/json',
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form?.toString(),
      signal: AbortSignal.timeout(15_000),
    })
    const body = (await response.json().catch(() => ({}))) as Json
    if (!response.ok) {
      throw new Error(
        `Twilio refused the request (${response.status}): ${body.message ?? 'no reason given'}`
      )
    }
    return body
  }

  async submitBrand(brand: BrandSubmission): Promise<RegistrationState> {
    const { customerProfileBundleSid, a2pProfileBundleSid } = this.config.settings as Json
    if (!customerProfileBundleSid || !a2pProfileBundleSid) {
      throw new Error(
        'Twilio registers a brand from Trust Hub bundles: enter the customer profile and A2P profile bundle SIDs in the account settings'
      )
    }
    const form = new URLSearchParams({
      CustomerProfileBundleSid: customerProfileBundleSid,
      A2PProfileBundleSid: a2pProfileBundleSid,
      BrandType: 'STANDARD',
    })
    const state = brandState(await this.#call('POST', '/v1/a2p/BrandRegistrations', form))
    // A political brand's Campaign Verify token is imported as the brand's external vetting.
    if (brand.campaignVerifyToken) {
      const vetting = new URLSearchParams({
        VettingProvider: 'campaign-verify',
        VettingId: brand.campaignVerifyToken,
      })
      const path = `/v1/a2p/BrandRegistrations/${encodeURIComponent(state.ref)}/Vettings`
      await this.#call('POST', path, vetting)
    }
    return state
  }

  async brandStatus(ref: string) {
    return brandState(
      await this.#call('GET', `/v1/a2p/BrandRegistrations/${encodeURIComponent(ref)}`)
    )
  }

  async submitCampaign(campaign: CampaignSubmission): Promise<RegistrationState> {
    const form = new URLSearchParams({
      BrandRegistrationSid: campaign.brandRef,
      Description: campaign.description,
      MessageFlow: campaign.messageFlow,
      UsAppToPersonUsecase: campaign.useCase,
      HasEmbeddedLinks: String(campaign.hasEmbeddedLinks),
      HasEmbeddedPhone: String(campaign.hasEmbeddedPhone),
      OptInMessage: campaign.optInMessage,
      OptOutMessage: campaign.optOutMessage,
      HelpMessage: campaign.helpMessage,
    })
    // Arrays go as the key repeated once per value (OpenAPI's form default).
    for (const sample of campaign.samples) form.append('MessageSamples', sample)
    for (const word of campaign.optInKeywords) form.append('OptInKeywords', word)
    for (const word of campaign.optOutKeywords) form.append('OptOutKeywords', word)
    for (const word of campaign.helpKeywords) form.append('HelpKeywords', word)
    const path = `/v1/Services/${encodeURIComponent(this.#service)}/Compliance/Usa2p`
    return campaignState(await this.#call('POST', path, form))
  }

  async campaignStatus(ref: string) {
    const path = `/v1/Services/${encodeURIComponent(this.#service)}/Compliance/Usa2p/${encodeURIComponent(ref)}`
    return campaignState(await this.#call('GET', path))
  }

  /** The messaging service is the campaign's sender pool: its numbers are linked already. */
  async linkSenders() {}
}

function brandState(body: Json): RegistrationState {
  const status = BRAND_STATUS[String(body.status)] ?? 'pending'
  return {
    ref: String(body.sid),
    status,
    reason: status === 'failed' ? String(body.failure_reason ?? 'Rejected') : undefined,
  }
}

function campaignState(body: Json): RegistrationState {
  const status = CAMPAIGN_STATUS[String(body.campaign_status)] ?? 'pending'
  const reasons = Array.isArray(body.errors)
    ? body.errors.map(
        (error: Json) => error?.description ?? error?.message ?? JSON.stringify(error)
      )
    : []
  return {
    ref: String(body.sid),
    status,
    reason: status === 'failed' ? reasons.join('; ') || 'Rejected' : undefined,
  }
}
