import Telnyx from 'telnyx'
import type { KeyObject } from 'node:crypto'
import type {
  ClassifiedError,
  OutboundSms,
  SendResult,
  SmsAccountConfig,
  SmsClientContract,
  WebhookEvent,
  WebhookRequest,
} from '#sms/types'
import { TelnyxRegistration } from './registration.js'
import { classifyTelnyxError } from './errors.js'
import {
  isValidTelnyxSignature,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  telnyxPublicKey,
} from './signature.js'
import { parseTelnyxWebhook, telnyxStatus } from './webhook.js'

function header(request: WebhookRequest, name: string) {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/**
 * Sends with the official SDK; verifies webhooks with node:crypto (some SDK
 * versions verify a different scheme than the one Telnyx uses).
 */
export class TelnyxClient implements SmsClientContract {
  #sdk?: Telnyx
  #publicKey?: KeyObject | null

  readonly registration: TelnyxRegistration

  constructor(private config: SmsAccountConfig) {
    this.registration = new TelnyxRegistration(config)
  }

  get sdk(): Telnyx {
    this.#sdk ??= new Telnyx({
      apiKey: this.config.credentials.apiKey ?? '',
      baseURL: this.config.settings.apiBaseUrl || 'https://api.telnyx.com/v2',
      // The dispatcher owns retries and backoff.
      maxRetries: 0,
      timeout: 15_000,
    })
    return this.#sdk
  }

  async send(message: OutboundSms): Promise<SendResult> {
    const messagingProfileId = this.config.credentials.messagingProfileId || undefined
    const { data } = await this.sdk.messages.send({
      to: message.to,
      from: message.from,
      messaging_profile_id: message.from ? undefined : messagingProfileId,
      text: message.body,
      media_urls: message.mediaUrls?.length ? message.mediaUrls : undefined,
      webhook_url: this.config.webhookUrls.status,
    })
    const status = telnyxStatus(data?.to?.[0]?.status)
    if (!data?.id || !status) {
      throw Object.assign(new Error('Telnyx answered without a message id or status'), {
        code: 'invalid_response',
        status: 502,
      })
    }
    return { providerMessageId: data.id, status, raw: data }
  }

  async fetchStatus(providerMessageId: string) {
    const { data } = await this.sdk.messages.retrieve(providerMessageId)
    // Outbound messages list recipients as objects carrying their delivery status.
    const recipient = data?.to?.[0]
    return telnyxStatus(typeof recipient === 'object' ? recipient.status : undefined) ?? null
  }

  async verifyCredentials() {
    await this.sdk.messagingProfiles.list()
  }

  verifyWebhook(request: WebhookRequest): boolean {
    if (this.#publicKey === undefined) {
      this.#publicKey = telnyxPublicKey(this.config.credentials.publicKey)
    }
    return isValidTelnyxSignature(
      this.#publicKey,
      header(request, TIMESTAMP_HEADER),
      header(request, SIGNATURE_HEADER),
      request.rawBody
    )
  }

  parseWebhook(request: WebhookRequest): WebhookEvent[] {
    return parseTelnyxWebhook(request)
  }

  classifyError(error: unknown): ClassifiedError {
    return classifyTelnyxError(error)
  }
}
