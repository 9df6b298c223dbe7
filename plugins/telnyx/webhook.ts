import type { ProviderMessageStatus, WebhookEvent, WebhookRequest } from '#sms/types'
import { classifyTelnyxError } from './errors.js'

const STATUSES: Record<string, ProviderMessageStatus> = {
  queued: 'queued',
  sending: 'queued',
  sent: 'sent',
  delivery_unconfirmed: 'sent',
  delivered: 'delivered',
  sending_failed: 'failed',
  delivery_failed: 'undelivered',
}

export function telnyxStatus(status: unknown): ProviderMessageStatus | undefined {
  return STATUSES[String(status ?? '')]
}

interface TelnyxPayload {
  id?: string
  from?: { phone_number?: string }
  to?: Array<{ phone_number?: string; status?: string }>
  text?: string
  media?: Array<{ url?: string }>
  errors?: Array<{ code?: string; title?: string; detail?: string }>
}

/**
 * message.received, message.sent and message.finalized (JSON). Other event
 * types are not the core's business and parse to nothing.
 */
export function parseTelnyxWebhook(request: WebhookRequest): WebhookEvent[] {
  const { data } = JSON.parse(request.rawBody) as {
    data?: { event_type?: string; occurred_at?: string; payload?: TelnyxPayload }
  }
  const payload = data?.payload
  if (!payload?.id) return []
  const occurredAt = data?.occurred_at ? new Date(data.occurred_at) : undefined

  if (data?.event_type === 'message.received') {
    return [
      {
        type: 'inbound',
        providerMessageId: payload.id,
        from: payload.from?.phone_number ?? '',
        to: payload.to?.[0]?.phone_number ?? '',
        body: payload.text ?? '',
        mediaUrls: (payload.media ?? [])
          .map((item) => item.url)
          .filter((url): url is string => !!url),
        receivedAt: occurredAt,
      },
    ]
  }

  if (data?.event_type === 'message.sent' || data?.event_type === 'message.finalized') {
    const status = telnyxStatus(payload.to?.[0]?.status)
    if (!status) return []
    const [error] = payload.errors ?? []
    return [
      {
        type: 'status',
        providerMessageId: payload.id,
        status,
        error: error ? classifyTelnyxError(error) : undefined,
        occurredAt,
      },
    ]
  }
  return []
}
