import { IntegrationError } from '#integrations/contract'

const TIMEOUT_MS = 15_000
/** When a 429 carries no usable Retry-After. */
const DEFAULT_RETRY_AFTER_MS = 60_000

/** Retry-After is either seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(header: string | null, now = Date.now()) {
  if (!header) return DEFAULT_RETRY_AFTER_MS
  const seconds = Number(header)
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000)
  const at = Date.parse(header)
  return Number.isNaN(at) ? DEFAULT_RETRY_AFTER_MS : Math.max(0, at - now)
}

/**
 * One HTTP call to a CRM, its failure turned into an IntegrationError the
 * core knows how to handle. `describe` reads the CRM's own error shape into
 * a message. Secrets travel only in headers and never reach a message.
 */
export async function crmRequest(
  url: string,
  init: RequestInit,
  describe: (body: string) => string | null
): Promise<Response> {
  let response: Response
  try {
    response = await fetch(url, {
      ...init,
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch (error) {
    throw new IntegrationError('transient', `Could not reach the CRM: ${(error as Error).message}`)
  }
  if (response.ok) return response

  const body = await response.text().catch(() => '')
  const detail = describe(body) ?? `HTTP ${response.status}`
  if (response.status === 429) {
    throw new IntegrationError(
      'rate_limited',
      `Rate limited: ${detail}`,
      retryAfterMs(response.headers.get('retry-after')),
      429
    )
  }
  if (response.status === 401 || response.status === 403) {
    throw new IntegrationError('auth', `Not authorized: ${detail}`, null, response.status)
  }
  if (response.status >= 500 || response.status === 408) {
    throw new IntegrationError(
      'transient',
      `CRM error ${response.status}: ${detail}`,
      null,
      response.status
    )
  }
  throw new IntegrationError(
    'rejected',
    `Refused (${response.status}): ${detail}`,
    null,
    response.status
  )
}
