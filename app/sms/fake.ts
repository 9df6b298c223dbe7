import { AssertionError } from 'node:assert'
import type {
  ClassifiedError,
  OutboundSms,
  SendResult,
  SentLookup,
  SentMessage,
  SmsAccountConfig,
} from '#sms/types'
import { E_SMS_SEND_FAILED } from '#sms/errors'

export interface RecordedSms {
  pluginId: string
  accountId: number
  message: OutboundSms
  result: SendResult
  acceptedAt: Date
}

type Matcher = Partial<OutboundSms> | ((message: OutboundSms) => boolean)

function matches(matcher: Matcher, message: OutboundSms) {
  if (typeof matcher === 'function') return matcher(message)
  return Object.entries(matcher).every(
    ([key, value]) => JSON.stringify(message[key as keyof OutboundSms]) === JSON.stringify(value)
  )
}

/**
 * What `sms.fake()` returns: while it is active every client the manager
 * hands out records sends here instead of calling the provider, and looks
 * sent texts up among them (webhook verification, parsing and error
 * classification stay the plugin's own).
 * For tests of the code that sends; the `fake` plugin is the carrier
 * simulator for development.
 */
export class SmsFake {
  readonly sent: RecordedSms[] = []
  #failures: Array<{ matcher: Matcher; error: ClassifiedError }> = []

  /**
   * Sends matching `matcher` fail with `error`, as the provider would.
   */
  failWhen(matcher: Matcher, error: ClassifiedError) {
    this.#failures.push({ matcher, error })
    return this
  }

  record(config: SmsAccountConfig, message: OutboundSms): SendResult {
    const failure = this.#failures.find(({ matcher }) => matches(matcher, message))
    if (failure) throw new E_SMS_SEND_FAILED(failure.error)

    const result: SendResult = {
      providerMessageId: `recorded-${this.sent.length + 1}`,
      status: 'queued',
    }
    this.sent.push({
      pluginId: config.pluginId,
      accountId: config.accountId,
      message,
      result,
      acceptedAt: new Date(),
    })
    return result
  }

  /** `lookupSent` while faked: the account's recorded sends that match, newest first. */
  lookup(config: SmsAccountConfig, query: SentLookup): SentMessage[] {
    return this.sent
      .filter(
        ({ accountId, message, acceptedAt }) =>
          accountId === config.accountId &&
          message.to === query.to &&
          (!query.from || message.from === query.from) &&
          acceptedAt >= query.since
      )
      .reverse()
      .map(({ message, result, acceptedAt }) => ({
        providerMessageId: result.providerMessageId,
        status: result.status,
        body: message.body,
        acceptedAt,
      }))
  }

  /** Sends that match. */
  matching(matcher: Matcher) {
    return this.sent.filter(({ message }) => matches(matcher, message))
  }

  assertSent(matcher: Matcher) {
    if (!this.matching(matcher).length) {
      throw new AssertionError({ message: 'Expected a matching SMS to be sent', actual: this.sent })
    }
  }

  assertNotSent(matcher: Matcher) {
    if (this.matching(matcher).length) {
      throw new AssertionError({
        message: 'Expected no matching SMS to be sent',
        actual: this.sent,
      })
    }
  }

  assertSentCount(count: number) {
    if (this.sent.length !== count) {
      throw new AssertionError({
        message: `Expected ${count} SMS to be sent, ${this.sent.length} were`,
        actual: this.sent.length,
        expected: count,
      })
    }
  }

  assertNoneSent() {
    this.assertSentCount(0)
  }
}
