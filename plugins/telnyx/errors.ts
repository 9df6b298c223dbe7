import type { ClassifiedError } from '#sms/types'
import { classifyHttpFailure, type KnownError } from '#sms/classify'

/**
 * Telnyx messaging error codes the core acts on
 * (developers.telnyx.com, "Messaging error codes").
 */
export const TELNYX_ERRORS: Record<string, KnownError> = {
  '40300': {
    errorClass: 'recipient',
    kind: 'opted_out',
    message: 'Blocked: the recipient replied STOP to this sender',
  },
  '40001': {
    errorClass: 'recipient',
    kind: 'landline',
    message: 'Not routable: the number is a landline or cannot receive texts',
  },
  '40002': { errorClass: 'recipient', kind: 'filtered', message: 'Blocked as spam' },
  '40003': { errorClass: 'recipient', kind: 'filtered', message: 'Blocked as spam by the carrier' },
  '40006': {
    errorClass: 'transient',
    kind: 'unreachable',
    message: 'Recipient server unavailable',
  },
  '40011': { errorClass: 'transient', kind: 'rate_limited', message: 'Too many requests' },
}

interface TelnyxErrorShape {
  status?: unknown
  code?: unknown
  message?: unknown
  headers?: { get?(name: string): string | null }
  /** An API error's JSON body: {"errors":[{"code","title","detail"}]}. */
  error?: { errors?: Array<{ code?: unknown; title?: unknown; detail?: unknown }> }
  /** A webhook's errors[] entry. */
  title?: unknown
  detail?: unknown
}

/**
 * Puts a Telnyx API error, a webhook's errors[] entry, or a network failure
 * in the core's terms.
 */
export function classifyTelnyxError(error: unknown): ClassifiedError {
  const shape = (error ?? {}) as TelnyxErrorShape
  const first = shape.error?.errors?.[0] ?? shape
  return classifyHttpFailure(
    {
      status: shape.status,
      code: first.code,
      message: first.detail || first.title || shape.message,
      retryAfter: Number(shape.headers?.get?.('retry-after')) || undefined,
    },
    { known: TELNYX_ERRORS, fallbackMessage: 'Telnyx request failed' }
  )
}
