/**
 * The contract every SMS provider plugin implements. A plugin lives in one
 * folder under plugins/ (or in an npm package) and default-exports a
 * `SmsPluginContract`. Plugins never touch the database: they send, verify,
 * parse and classify; the core persists.
 */

/**
 * One credential or setting the account form asks for.
 */
export interface CredentialFieldContract {
  /** Key in the stored credentials object, e.g. "authToken". */
  name: string
  /** Label on the settings form. */
  label: string
  /** Secrets are rendered as password inputs and never shown again. */
  secret: boolean
  /** Whether the account cannot work without it. */
  required: boolean
  /** Help text under the field. */
  help?: string
  /** A pattern the value must match (JavaScript regular expression source). */
  pattern?: string
  /** How the form renders the value; text when absent. Values are stored as strings. */
  type?: 'text' | 'number' | 'url' | 'boolean'
  /**
   * For a secret the provider never issues (the fake carrier's signing
   * secret): left blank on a new account, the core stores a random value
   * (32 random bytes, base64url), so the account works the moment it exists.
   */
  generated?: boolean
  /** Stored when the field is left blank (a boolean as "true" or "false"). */
  default?: string
}

/**
 * What a plugin can do, so the core never checks provider names.
 */
export interface SmsCapabilities {
  /** Can send media (MMS). */
  mms: boolean
  /** Can send from a pool (Twilio messaging service, Telnyx messaging profile). */
  senderPools: boolean
  /** The provider keeps its own STOP list and answers sends to opted-out numbers with an error. */
  providerOptOut: boolean
  /** The provider can be asked about a message by its id (used to reconcile after a crash). */
  fetchStatus: boolean
  /** Credentials can be checked without sending. */
  verifyCredentials: boolean
  /**
   * The provider can list the texts it accepted for a recipient, so a send
   * interrupted before its provider id was recorded can still be found
   * (see `lookupSent`). Optional: absent means it cannot.
   */
  lookupSent?: boolean
  /**
   * The plugin's accounts send to the carrier simulator built into the app
   * (app/services/fake_carrier, served at /fake-carrier), which answers them
   * and lists their texts on the Phones page; a real provider is not the
   * default choice on the account form. Optional: absent means a real provider.
   */
  carrierSimulator?: boolean
  /**
   * 10DLC brand and campaign registration through the provider (see
   * `SmsClientContract.registration`). Optional: absent means the account's
   * senders are marked registered by hand.
   */
  registration?: boolean
}

export interface SmsPluginManifest {
  /** Stable id stored on provider accounts and used in webhook URLs ("twilio"). */
  id: string
  displayName: string
  credentialFields: CredentialFieldContract[]
  /** Optional non-secret settings (apiBaseUrl is always accepted). */
  settingFields: CredentialFieldContract[]
  capabilities: SmsCapabilities
  /** A sentence the account's page shows admins (the fake carrier: its texts reach no phone). */
  notice?: string
  /**
   * Sender numbers a new account gets when created without any: only for a
   * simulator, whose numbers are fictional (the fake carrier's).
   */
  defaultNumbers?: string[]
}

/**
 * Everything a client needs: the provider account's decrypted credentials
 * and settings, and the URLs the provider should call back.
 */
export interface SmsAccountConfig {
  /** The plugin id stored on the provider account; the manager picks the plugin by it. */
  pluginId: string
  accountId: number
  credentials: Record<string, string>
  settings: Record<string, unknown> & { apiBaseUrl?: string }
  webhookUrls: { inbound: string; status: string; registration?: string }
}

export interface OutboundSms {
  to: string
  /** A sender number, or undefined to let the account's pool choose. */
  from?: string
  body: string
  mediaUrls?: string[]
  /** The core's message id, for correlation. */
  messageId: number
}

export type ProviderMessageStatus = 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed'

export interface SendResult {
  providerMessageId: string
  status: ProviderMessageStatus
  /** The provider's response, for the log. */
  raw?: unknown
}

/**
 * What `lookupSent` is asked: texts to `to` (from `from`, when the text had a
 * sender number) that the provider accepted at or after `since`.
 */
export interface SentLookup {
  to: string
  from?: string
  since: Date
}

/**
 * One text the provider says it accepted, as `lookupSent` reports it.
 */
export interface SentMessage {
  providerMessageId: string
  status: ProviderMessageStatus
  /** The text as the provider stored it, when it says. */
  body?: string
  /** When the provider accepted it, when it says. */
  acceptedAt?: Date
}

export type SmsErrorClass = 'transient' | 'recipient' | 'configuration'

/**
 * A provider error put in the core's terms. `kind` refines recipient errors.
 */
export interface ClassifiedError {
  errorClass: SmsErrorClass
  code: string
  message: string
  kind?:
    'opted_out' | 'landline' | 'invalid' | 'unreachable' | 'filtered' | 'rate_limited' | 'other'
  /** Seconds the provider asked us to wait, when it said. */
  retryAfter?: number
}

/**
 * The HTTP request a webhook arrived in, exactly as received.
 */
export interface WebhookRequest {
  /** The public URL the provider called (rebuilt from APP_URL). */
  url: string
  method: string
  headers: Record<string, string | string[] | undefined>
  /** Raw body, byte for byte: signatures are computed over it. */
  rawBody: string
  /** Parsed form or JSON body. */
  body: Record<string, unknown>
}

export interface InboundMessageEvent {
  type: 'inbound'
  providerMessageId: string
  from: string
  to: string
  body: string
  mediaUrls: string[]
  /** Set when the provider itself recognised STOP / START / HELP. */
  optOutType?: 'stop' | 'start' | 'help'
  receivedAt?: Date
}

export interface StatusEvent {
  type: 'status'
  providerMessageId: string
  status: ProviderMessageStatus
  error?: ClassifiedError
  occurredAt?: Date
}

export type WebhookEvent = InboundMessageEvent | StatusEvent

export interface SmsClientContract {
  send(message: OutboundSms): Promise<SendResult>
  /** True only for a genuine, fresh request from the provider. */
  verifyWebhook(request: WebhookRequest): boolean
  parseWebhook(request: WebhookRequest): WebhookEvent[]
  /** Puts any error thrown by `send` (or a failed status) in the core's terms. */
  classifyError(error: unknown): ClassifiedError
  /** Present when capabilities.fetchStatus is true. */
  fetchStatus?(providerMessageId: string): Promise<ProviderMessageStatus | null>
  /** Present when capabilities.verifyCredentials is true. */
  verifyCredentials?(): Promise<void>
  /**
   * Present when capabilities.lookupSent is true: every outbound text the
   * provider accepted that matches `query`, newest first. The plugin only
   * reports; the core decides which one (if any) is the interrupted send.
   */
  lookupSent?(query: SentLookup): Promise<SentMessage[]>
  /** Present when capabilities.registration is true. */
  registration?: RegistrationContract
}

export type RegistrationStatus = 'pending' | 'approved' | 'failed'

/** A 10DLC brand as The Campaign Registry asks for it. */
export interface BrandSubmission {
  legalName: string
  entityType:
    'private_profit' | 'public_profit' | 'non_profit' | 'political_committee' | 'government'
  /** EIN, or the equivalent tax id outside the US. */
  ein: string
  street: string
  city: string
  state: string
  postalCode: string
  country: string
  website: string
  email: string
  phone: string
  vertical: string
  /** Political committees: the token Campaign Verify issued. */
  campaignVerifyToken?: string
  /** The day (YYYY-MM-DD) that token expires, when known. */
  campaignVerifyExpiresOn?: string
}

/** A 10DLC campaign (use case) of a registered brand. */
export interface CampaignSubmission {
  /** The provider's id of the brand (from `submitBrand`). */
  brandRef: string
  useCase: 'POLITICAL' | 'MIXED' | 'LOW_VOLUME' | 'CHARITY' | 'ACCOUNT_NOTIFICATION'
  description: string
  messageFlow: string
  samples: string[]
  optInKeywords: string[]
  optOutKeywords: string[]
  helpKeywords: string[]
  optInMessage: string
  optOutMessage: string
  helpMessage: string
  monthlyVolume: number
  hasEmbeddedLinks: boolean
  hasEmbeddedPhone: boolean
}

/** What the provider says about a brand or campaign. */
export interface RegistrationState {
  /** The provider's id of the record. */
  ref: string
  status: RegistrationStatus
  /** Why it failed, in the provider's words. */
  reason?: string
}

/**
 * Present when capabilities.registration is true. Every call throws on a
 * refused request (the core shows the error's message as the reason).
 */
export interface RegistrationContract {
  submitBrand(brand: BrandSubmission): Promise<RegistrationState>
  submitCampaign(campaign: CampaignSubmission): Promise<RegistrationState>
  brandStatus(ref: string): Promise<RegistrationState>
  campaignStatus(ref: string): Promise<RegistrationState>
  /**
   * Puts the account's senders under the approved campaign: the given
   * numbers, or the messaging service / profile when the provider links
   * that instead (then `phones` is ignored).
   */
  linkSenders(campaignRef: string, phones: string[]): Promise<void>
  /**
   * Present when the provider reports review outcomes to
   * `webhookUrls.registration` (the core verifies the request with the
   * client's `verifyWebhook` first). Each notice names a brand or campaign
   * whose status changed; a rejection carries its reason, anything else is
   * read back with `brandStatus` / `campaignStatus`.
   */
  parseStatusWebhook?(request: WebhookRequest): RegistrationNotice[]
}

/** A provider's word that a brand's or campaign's review moved on. */
export interface RegistrationNotice {
  kind: 'brand' | 'campaign'
  /** The provider's id of the record. */
  ref: string
  /** Set when the provider rejected it: why, in its words. */
  rejected?: string
}

export interface SmsPluginContract {
  manifest: SmsPluginManifest
  createClient(config: SmsAccountConfig): SmsClientContract
}
