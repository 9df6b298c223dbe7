import type { ClassifiedError } from '#sms/types'

type Classification = Omit<ClassifiedError, 'code' | 'message'> & { message: string }

/**
 * Twilio error codes the core acts on (twilio.com/docs/api/errors). A code
 * not listed is judged by the HTTP status (see `classifyTwilioError`).
 */
export const TWILIO_ERRORS: Record<string, Classification> = {
  '21610': {
    errorClass: 'recipient',
    kind: 'opted_out',
    message: 'The recipient replied STOP to this sender',
  },
  '21211': { errorClass: 'recipient', kind: 'invalid', message: 'Invalid "To" phone number' },
  '21614': { errorClass: 'recipient', kind: 'landline', message: 'Not a mobile number' },
  '21635': { errorClass: 'recipient', kind: 'landline', message: 'Number cannot receive texts' },
  '30003': {
    errorClass: 'transient',
    kind: 'unreachable',
    message: 'Unreachable destination handset',
  },
  '30005': {
    errorClass: 'recipient',
    kind: 'invalid',
    message: 'Unknown destination handset (the number may not exist)',
  },
  '30006': {
    errorClass: 'recipient',
    kind: 'landline',
    message: 'Landline or unreachable carrier',
  },
  '30007': {
    errorClass: 'recipient',
    kind: 'filtered',
    message: 'Filtered by the carrier as spam',
  },
  '30034': {
    errorClass: 'configuration',
    kind: 'other',
    message: 'Sender number is not registered for 10DLC (A2P campaign)',
  },
  '20003': {
    errorClass: 'configuration',
    kind: 'other',
    message: 'Twilio rejected the account SID or auth token',
  },
  '20404': {
    errorClass: 'configuration',
    kind: 'other',
    message: 'Twilio does not know this account or resource',
  },
  '20429': { errorClass: 'transient', kind: 'rate_limited', message: 'Too many requests' },
  'invalid_account_sid': {
    errorClass: 'configuration',
    kind: 'other',
    message: 'The account SID is malformed',
  },
  '21212': {
    errorClass: 'configuration',
    kind: 'other',
    message: 'The "From" number is not a valid phone number',
  },
  '21603': {
    errorClass: 'configuration',
    kind: 'other',
    message: 'No sender: give the account a number or a messaging service',
  },
  '21606': {
    errorClass: 'configuration',
    kind: 'other',
    message: 'The "From" number is not an SMS-capable number of this account',
  },
}

/**
 * Puts a Twilio REST error, a status callback's ErrorCode, or a network
 * failure in the core's terms.
 */
export function classifyTwilioError(error: unknown): ClassifiedError {
  const { code, status, message } = (error ?? {}) as {
    code?: unknown
    status?: unknown
    message?: unknown
  }
  const known = code !== undefined && code !== null ? TWILIO_ERRORS[String(code)] : undefined
  if (known) {
    return { ...known, code: String(code), message: String(message || known.message) }
  }

  const text = String(message || 'Twilio request failed')
  if (typeof status === 'number' && status >= 400 && status < 500 && status !== 408) {
    // Unknown 4xx: this message cannot be sent as it is; credentials problems are configuration.
    const errorClass = status === 401 || status === 403 ? 'configuration' : 'recipient'
    return { errorClass, kind: 'other', code: String(code ?? status), message: text }
  }
  // 5xx, timeouts and network errors (ECONNREFUSED, ETIMEDOUT …): try again later.
  return {
    errorClass: 'transient',
    kind: 'other',
    code: String(code ?? status ?? 'network'),
    message: text,
  }
}
