import type {
  ClassifiedError,
  OutboundSms,
  ProviderMessageStatus,
  RegistrationContract,
  SendResult,
  SentLookup,
  SentMessage,
  SmsAccountConfig,
  SmsClientContract,
  WebhookEvent,
  WebhookRequest,
} from '#sms/types'
import { E_SMS_SEND_FAILED } from '#sms/errors'

const STATUSES: ProviderMessageStatus[] = ['queued', 'sent', 'delivered', 'undelivered', 'failed']

/**
 * The test recorder (`sms.fake()`), which sends and looks up instead of the provider.
 */
export interface SendInterceptor {
  record(config: SmsAccountConfig, message: OutboundSms): SendResult
  lookup(config: SmsAccountConfig, query: SentLookup): SentMessage[]
}

/**
 * What the manager hands out: a plugin's client with its promises kept for
 * the core. A failed send always arrives as E_SMS_SEND_FAILED carrying the
 * plugin's classification, a reply without a message id is a failure rather
 * than a crash later, and a verifier that throws counts as "not verified".
 */
export class GuardedSmsClient implements SmsClientContract {
  fetchStatus?: (providerMessageId: string) => Promise<ProviderMessageStatus | null>
  verifyCredentials?: () => Promise<void>
  lookupSent?: (query: SentLookup) => Promise<SentMessage[]>
  registration?: RegistrationContract
  mediaRequestHeaders?: (url: string) => Record<string, string> | undefined

  constructor(
    private inner: SmsClientContract,
    private config: SmsAccountConfig,
    private interceptor: () => SendInterceptor | undefined
  ) {
    if (inner.fetchStatus) this.fetchStatus = (id) => inner.fetchStatus!(id)
    if (inner.verifyCredentials) this.verifyCredentials = () => inner.verifyCredentials!()
    if (inner.registration) this.registration = inner.registration
    if (inner.mediaRequestHeaders) {
      this.mediaRequestHeaders = (url) => inner.mediaRequestHeaders!(url)
    }
    if (inner.lookupSent) {
      this.lookupSent = async (query) => {
        const intercept = this.interceptor()
        return intercept ? intercept.lookup(this.config, query) : inner.lookupSent!(query)
      }
    }
  }

  async send(message: OutboundSms): Promise<SendResult> {
    const intercept = this.interceptor()
    if (intercept) return intercept.record(this.config, message)

    let result: SendResult
    try {
      result = await this.inner.send(message)
    } catch (error) {
      throw error instanceof E_SMS_SEND_FAILED
        ? error
        : new E_SMS_SEND_FAILED(this.classifyError(error), { cause: error })
    }
    if (!result?.providerMessageId || !STATUSES.includes(result.status)) {
      throw new E_SMS_SEND_FAILED({
        errorClass: 'transient',
        code: 'invalid_response',
        message: 'The provider accepted the request but returned no message id or status',
        kind: 'other',
      })
    }
    return result
  }

  verifyWebhook(request: WebhookRequest): boolean {
    try {
      return this.inner.verifyWebhook(request) === true
    } catch {
      return false
    }
  }

  parseWebhook(request: WebhookRequest): WebhookEvent[] {
    return this.inner.parseWebhook(request)
  }

  classifyError(error: unknown): ClassifiedError {
    if (error instanceof E_SMS_SEND_FAILED) return error.classified
    try {
      return this.inner.classifyError(error)
    } catch {
      // A plugin bug must not take the dispatcher down: retrying later is the safe guess.
      return {
        errorClass: 'transient',
        code: 'unclassified',
        message: error instanceof Error ? error.message : String(error),
        kind: 'other',
      }
    }
  }
}
