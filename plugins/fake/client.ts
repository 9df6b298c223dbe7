import type {
  ClassifiedError,
  OutboundSms,
  ProviderMessageStatus,
  SendResult,
  SentLookup,
  SentMessage,
  SmsAccountConfig,
  SmsClientContract,
  WebhookEvent,
  WebhookRequest,
} from '#sms/types'
import { classifyHttpFailure, type KnownError } from '#sms/classify'
import { ERROR_MESSAGES, type FakeErrorCode } from '#services/fake_carrier/numbers'
import {
  isValidSignature,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
} from '#services/fake_carrier/signature'

/**
 * An error reply from the fake carrier's API.
 */
export class FakeCarrierError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public retryAfter?: number
  ) {
    super(message)
  }
}

const CLASSES: Record<FakeErrorCode, Omit<KnownError, 'message'>> = {
  landline: { errorClass: 'recipient', kind: 'landline' },
  invalid_number: { errorClass: 'recipient', kind: 'invalid' },
  opted_out: { errorClass: 'recipient', kind: 'opted_out' },
  unreachable: { errorClass: 'transient', kind: 'unreachable' },
  rate_limited: { errorClass: 'transient', kind: 'rate_limited' },
  unauthorized: { errorClass: 'configuration', kind: 'other' },
  unknown_account: { errorClass: 'configuration', kind: 'other' },
  carrier_disabled: { errorClass: 'configuration', kind: 'other' },
  invalid_request: { errorClass: 'configuration', kind: 'other' },
}

/** Every code the carrier answers, with the message it gives. */
const KNOWN = Object.fromEntries(
  Object.entries(CLASSES).map(([code, known]) => [
    code,
    { ...known, message: ERROR_MESSAGES[code as FakeErrorCode] },
  ])
) as Record<FakeErrorCode, KnownError>

/** What the carrier's API answers. */
interface CarrierReply {
  id: string
  status: ProviderMessageStatus
  error?: { code: string; message: string }
}

const STATUSES: ProviderMessageStatus[] = ['queued', 'sent', 'delivered', 'undelivered', 'failed']

function header(request: WebhookRequest, name: string) {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/**
 * Talks to the fake carrier over HTTP like a real provider's client would:
 * the carrier may run in this process or another one.
 */
export class FakeClient implements SmsClientContract {
  #baseUrl: string
  #secret: string

  constructor(
    private config: SmsAccountConfig,
    defaultBaseUrl: string
  ) {
    this.#baseUrl = (config.settings.apiBaseUrl || defaultBaseUrl).replace(/\/+$/, '')
    this.#secret = config.credentials.signingSecret ?? ''
  }

  async send(message: OutboundSms): Promise<SendResult> {
    const reply = await this.#request('POST', '/messages', {
      to: message.to,
      from: message.from,
      body: message.body,
      mediaUrls: message.mediaUrls ?? [],
    })
    return { providerMessageId: reply.id, status: reply.status, raw: reply }
  }

  async fetchStatus(providerMessageId: string) {
    try {
      const reply = await this.#request('GET', `/messages/${encodeURIComponent(providerMessageId)}`)
      return STATUSES.includes(reply.status) ? reply.status : null
    } catch (error) {
      if (error instanceof FakeCarrierError && error.status === 404) return null
      throw error
    }
  }

  async lookupSent(query: SentLookup): Promise<SentMessage[]> {
    const params = new URLSearchParams({ to: query.to, since: query.since.toISOString() })
    if (query.from) params.set('from', query.from)
    const reply = await this.#request<{
      data: Array<{ id: string; status: string; body: string; createdAt: string }>
    }>('GET', `/messages?${params}`)
    return reply.data
      .filter((message) => STATUSES.includes(message.status as ProviderMessageStatus))
      .map((message) => ({
        providerMessageId: message.id,
        status: message.status as ProviderMessageStatus,
        body: message.body,
        acceptedAt: new Date(message.createdAt),
      }))
  }

  async verifyCredentials() {
    await this.#request('GET', '')
  }

  verifyWebhook(request: WebhookRequest): boolean {
    return isValidSignature(
      this.#secret,
      header(request, TIMESTAMP_HEADER),
      header(request, SIGNATURE_HEADER),
      request.rawBody
    )
  }

  parseWebhook(request: WebhookRequest): WebhookEvent[] {
    const event = JSON.parse(request.rawBody)
    const occurredAt = event.occurredAt ? new Date(event.occurredAt) : undefined
    if (event.event === 'message.inbound') {
      return [
        {
          type: 'inbound',
          providerMessageId: String(event.id),
          from: String(event.from),
          to: String(event.to),
          body: String(event.body ?? ''),
          mediaUrls: Array.isArray(event.mediaUrls) ? event.mediaUrls.map(String) : [],
          receivedAt: occurredAt,
        },
      ]
    }
    if (event.event === 'message.status' && STATUSES.includes(event.status)) {
      return [
        {
          type: 'status',
          providerMessageId: String(event.id),
          status: event.status,
          error: event.error ? this.classifyError(event.error) : undefined,
          occurredAt,
        },
      ]
    }
    return []
  }

  classifyError(error: unknown): ClassifiedError {
    const { code, message, status, retryAfter } = (error ?? {}) as Partial<FakeCarrierError>
    return classifyHttpFailure(
      { status, code, message, retryAfter },
      // Every refusal of a text has its own code: another 4xx is a malformed request.
      {
        known: KNOWN,
        clientError: 'configuration',
        fallbackMessage: error instanceof Error ? error.message : String(error),
      }
    )
  }

  async #request<Reply = CarrierReply>(
    method: string,
    path: string,
    body?: unknown
  ): Promise<Reply> {
    const response = await fetch(`${this.#baseUrl}/accounts/${this.config.accountId}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.#secret}`,
        accept: 'application/json',
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(15_000),
    })
    const reply = (await response.json().catch(() => ({}))) as Reply & Partial<CarrierReply>
    if (!response.ok) {
      const retryAfter = Number(response.headers.get('retry-after')) || undefined
      throw new FakeCarrierError(
        response.status,
        reply?.error?.code ?? `http_${response.status}`,
        reply?.error?.message ?? `The fake carrier answered ${response.status}`,
        retryAfter
      )
    }
    return reply
  }
}
