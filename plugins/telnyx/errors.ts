import type { ClassifiedError } from '#sms/types'

type Classification = Omit<ClassifiedError, 'code' | 'message'> & { message: string }

/**
 * Telnyx messaging error codes the core acts on
 * (developers.telnyx.com, "Messaging error codes").
 */
export const TELNYX_ERRORS: Record<string, Classification> = {
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
  const code = first.code !== undefined && first.code !== null ? String(first.code) : undefined
  const message = String(first.detail || first.title || shape.message || 'Telnyx request failed')
  const retryAfter = Number(shape.headers?.get?.('retry-after')) || undefined

  const known = code ? TELNYX_ERRORS[code] : undefined
  if (known) return { ...known, code: code!, message, retryAfter }

  const status = typeof shape.status === 'number' ? shape.status : undefined
  if (status === 401 || status === 403) {
    return { errorClass: 'configuration', kind: 'other', code: code ?? String(status), message }
  }
  if (status === 429) {
    return {
      errorClass: 'transient',
      kind: 'rate_limited',
      code: code ?? '429',
      message,
      retryAfter,
    }
  }
  if (status && status >= 400 && status < 500 && status !== 408) {
    return { errorClass: 'recipient', kind: 'other', code: code ?? String(status), message }
  }
  // 5xx, timeouts, connection errors, and failures Telnyx reports without a known code.
  return {
    errorClass: 'transient',
    kind: 'other',
    code: code ?? String(status ?? 'network'),
    message,
  }
}
