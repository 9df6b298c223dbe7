import type {
  ClassifiedError,
  OutboundSms,
  SmsAccountConfig,
  WebhookEvent,
  WebhookRequest,
} from '#sms/types'

/**
 * A webhook as the provider would send it, before signing.
 */
export interface UnsignedWebhook {
  name: string
  url: string
  contentType: 'application/x-www-form-urlencoded' | 'application/json'
  rawBody: string
  /** What parseWebhook must make of it (compared field by field). */
  expected: Array<Partial<WebhookEvent>>
}

/**
 * What a plugin supplies so the conformance suite can exercise it: where
 * sends go during the test, how its provider signs webhooks, sample
 * payloads, and the error codes it documents. One per plugin, at
 * tests/fixtures/<plugin id>/kit.ts (see docs/plugins.md).
 */
export interface ConformanceKit {
  /**
   * Prepares a send target (a Prism mock, the fake carrier…) and returns an
   * account config whose client sends there, plus how to tear it down.
   */
  setup(): Promise<{ config: SmsAccountConfig; cleanup?: () => Promise<void> }>

  /** A text the send target accepts. */
  outbound: OutboundSms

  /** Inbound-message and status webhooks, as the provider makes them. */
  webhooks(config: SmsAccountConfig): UnsignedWebhook[]

  /**
   * Signs a webhook the way the provider does, with the account's
   * credentials (or `credentials` when given), at time `at`.
   */
  sign(
    webhook: UnsignedWebhook,
    credentials: Record<string, string>,
    at?: Date
  ): WebhookRequest['headers']

  /** Credentials of another account: their signatures must be refused. */
  otherCredentials: Record<string, string>

  /**
   * Seconds a signature stays acceptable, when the provider's scheme signs a
   * timestamp; the suite checks an older one is refused.
   */
  replayWindowSeconds?: number

  /** Whether the URL is part of the signature (then a different URL must be refused). */
  signsUrl: boolean

  /**
   * Whether the send target keeps what it was sent, so `lookupSent` must find
   * a text just sent (a mock serving a spec's fixed examples does not).
   */
  lookupFindsSends?: boolean

  /** Errors the plugin documents and what they must classify to. */
  errors: Array<{ error: unknown; expected: Partial<ClassifiedError> }>
}
