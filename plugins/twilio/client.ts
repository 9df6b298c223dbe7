import twilio from 'twilio'
import type {
  ClassifiedError,
  OutboundSms,
  SendResult,
  SentLookup,
  SentMessage,
  SmsAccountConfig,
  SmsClientContract,
  WebhookEvent,
  WebhookRequest,
} from '#sms/types'
import { TwilioRegistration } from './registration.js'
import { classifyTwilioError } from './errors.js'
import { isValidTwilioSignature, SIGNATURE_HEADER } from './signature.js'
import { parseTwilioWebhook, twilioStatus } from './webhook.js'

type TwilioSdk = ReturnType<typeof twilio>

/**
 * Sends with the official SDK; verifies and parses Twilio's webhooks.
 */
export class TwilioClient implements SmsClientContract {
  #sdk?: TwilioSdk

  readonly registration: TwilioRegistration

  constructor(private config: SmsAccountConfig) {
    this.registration = new TwilioRegistration(config)
  }

  /**
   * Built on first use, so a malformed account SID surfaces as a classified
   * (configuration) send error rather than breaking client creation.
   */
  get sdk(): TwilioSdk {
    if (!this.#sdk) {
      const { accountSid, authToken } = this.config.credentials
      if (!/^AC[0-9a-fA-F]{32}$/.test(accountSid ?? '')) {
        throw Object.assign(new Error('The account SID must be "AC" and 32 hex digits'), {
          code: 'invalid_account_sid',
        })
      }
      const sdk = twilio(accountSid, authToken ?? '', { autoRetry: false, timeout: 15_000 })
      // The REST domain's base URL is the SDK's own knob for pointing it elsewhere.
      if (this.config.settings.apiBaseUrl) sdk.api.baseUrl = this.config.settings.apiBaseUrl
      this.#sdk = sdk
    }
    return this.#sdk
  }

  async send(message: OutboundSms): Promise<SendResult> {
    const messagingServiceSid = this.config.credentials.messagingServiceSid || undefined
    const sent = await this.sdk.messages.create({
      to: message.to,
      from: message.from,
      messagingServiceSid,
      body: message.body,
      mediaUrl: message.mediaUrls?.length ? message.mediaUrls : undefined,
      statusCallback: this.config.webhookUrls.status,
    })
    const status = twilioStatus(sent.status)
    if (!sent.sid || !status) {
      throw Object.assign(new Error('Twilio answered without a message SID or status'), {
        code: 'invalid_response',
        status: 502,
      })
    }
    return { providerMessageId: sent.sid, status, raw: sent.toJSON() }
  }

  async fetchStatus(providerMessageId: string) {
    const message = await this.sdk.messages(providerMessageId).fetch()
    return twilioStatus(message.status) ?? null
  }

  /**
   * The newest 100 texts to `query.to` (from `query.from`, when given) in
   * Twilio's Messages list, keeping outbound ones created since
   * `query.since`. Not filtered by DateSent: a text Twilio still holds in
   * its queue has no date_sent yet, and must not be missed.
   */
  async lookupSent(query: SentLookup): Promise<SentMessage[]> {
    const page = await this.sdk.messages.page({ to: query.to, from: query.from, pageSize: 100 })
    return page.instances.flatMap((message) => {
      const status = twilioStatus(message.status)
      const outbound = String(message.direction).startsWith('outbound')
      if (!outbound || !status || !message.sid || message.dateCreated < query.since) return []
      return [
        {
          providerMessageId: message.sid,
          status,
          body: message.body ?? undefined,
          acceptedAt: message.dateCreated,
        },
      ]
    })
  }

  async verifyCredentials() {
    await this.sdk.incomingPhoneNumbers.list({ limit: 1 })
  }

  /**
   * Twilio serves inbound media under the account's API (api.twilio.com, or
   * the configured base URL) behind HTTP basic auth with the account SID
   * and auth token; anything else is fetched as given.
   */
  mediaRequestHeaders(url: string) {
    const api = new URL(this.config.settings.apiBaseUrl || 'https://api.twilio.com')
    if (new URL(url).host !== api.host) return undefined
    const { accountSid, authToken } = this.config.credentials
    const basic = Buffer.from(`${accountSid}:${authToken ?? ''}`).toString('base64')
    return { Authorization: `Basic ${basic}` }
  }

  verifyWebhook(request: WebhookRequest): boolean {
    const given = request.headers[SIGNATURE_HEADER]
    return isValidTwilioSignature(
      this.config.credentials.authToken ?? '',
      request.url,
      request.rawBody,
      Array.isArray(given) ? given[0] : given
    )
  }

  parseWebhook(request: WebhookRequest): WebhookEvent[] {
    return parseTwilioWebhook(request)
  }

  classifyError(error: unknown): ClassifiedError {
    return classifyTwilioError(error)
  }
}
