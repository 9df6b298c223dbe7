import type { ClassifiedError, SmsErrorClass } from '#sms/types'

/**
 * A failed request to a provider's API, as a plugin reads it off whatever
 * its SDK or `fetch` threw. Read leniently: a numeric code counts as its
 * string, a status that is not a number as no answer, an empty message as none.
 */
export interface HttpFailure {
  /** The HTTP status; absent when no answer came (network error, timeout). */
  status?: unknown
  /** The provider's own error code, or the network error's ("ETIMEDOUT"). */
  code?: unknown
  /** The provider's explanation, when it gave one. */
  message?: unknown
  /** Seconds the provider asked us to wait (a Retry-After header). */
  retryAfter?: number
}

/**
 * How a plugin classifies one of its provider's documented error codes; the
 * message is used when the provider sends none.
 */
export type KnownError = Omit<ClassifiedError, 'code' | 'message' | 'retryAfter'> & {
  message: string
}

export interface ClassifyOptions {
  /** The provider's documented error codes, checked before the HTTP status. */
  known?: Record<string, KnownError>
  /**
   * What another 4xx means: by default the text cannot be sent as it is
   * (recipient); a provider whose recipient failures all have known codes
   * can say the request itself was wrong (configuration).
   */
  clientError?: SmsErrorClass
  /** The message when neither the provider nor `known` gives one. */
  fallbackMessage?: string
}

/**
 * Puts a provider's failure in the core's terms: a known error code first,
 * then the HTTP status. 401 and 403 are configuration (wrong credentials),
 * 429 is transient (rate limited), another 4xx except 408 is
 * `clientError`, and 408, 5xx or no answer at all are transient: the
 * provider may do better next time.
 */
export function classifyHttpFailure(
  failure: HttpFailure,
  options: ClassifyOptions = {}
): ClassifiedError {
  const status = typeof failure.status === 'number' ? failure.status : undefined
  const code =
    failure.code !== undefined && failure.code !== null ? String(failure.code) : undefined
  const given = failure.message ? String(failure.message) : undefined
  const wait = failure.retryAfter ? { retryAfter: failure.retryAfter } : {}
  if (code !== undefined && options.known && Object.hasOwn(options.known, code)) {
    const known = options.known[code]
    return { ...known, code, message: given || known.message, ...wait }
  }

  const message = given || options.fallbackMessage || 'The provider request failed'
  const shown = code ?? String(status ?? 'network')
  if (status === 401 || status === 403) {
    return { errorClass: 'configuration', kind: 'other', code: shown, message }
  }
  if (status === 429) {
    return { errorClass: 'transient', kind: 'rate_limited', code: shown, message, ...wait }
  }
  if (status !== undefined && status >= 400 && status < 500 && status !== 408) {
    return { errorClass: options.clientError ?? 'recipient', kind: 'other', code: shown, message }
  }
  return { errorClass: 'transient', kind: 'other', code: shown, message }
}
