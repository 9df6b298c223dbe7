import type { ClassifiedError } from '#sms/types'
import { classifyHttpFailure, type HttpFailure, type KnownError } from '#sms/classify'

/**
 * Twilio error codes the core acts on (twilio.com/docs/api/errors). A code
 * not listed is judged by the HTTP status (see `classifyTwilioError`).
 */
export const TWILIO_ERRORS: Record<string, KnownError> = {
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
  const { code, status, message } = (error ?? {}) as HttpFailure
  return classifyHttpFailure(
    { code, status, message },
    { known: TWILIO_ERRORS, fallbackMessage: 'Twilio request failed' }
  )
}
