import type { ProviderMessageStatus, WebhookEvent, WebhookRequest } from '#sms/types'
import { classifyTwilioError } from './errors.js'

/**
 * Twilio's message statuses in the core's five. Statuses that only mean
 * "still on its way" are `queued`.
 */
const STATUSES: Record<string, ProviderMessageStatus> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'queued',
  sent: 'sent',
  // Some recipients of a group text got it: the provider is done trying.
  partially_delivered: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  undelivered: 'undelivered',
  failed: 'failed',
  canceled: 'failed',
}

export function twilioStatus(status: unknown): ProviderMessageStatus | undefined {
  return STATUSES[String(status ?? '').toLowerCase()]
}

const OPT_OUT_TYPES = { STOP: 'stop', START: 'start', HELP: 'help' } as const

/**
 * An inbound-message webhook or a status callback (both form-encoded).
 * Twilio adds parameters without notice; unknown ones are ignored.
 */
export function parseTwilioWebhook(request: WebhookRequest): WebhookEvent[] {
  const params = new URLSearchParams(request.rawBody)
  const messageSid = params.get('MessageSid') ?? params.get('SmsSid')
  if (!messageSid) return []

  const messageStatus = params.get('MessageStatus') ?? params.get('SmsStatus')
  const isInbound = !messageStatus || messageStatus === 'received' || messageStatus === 'receiving'
  if (isInbound) {
    const numMedia = Number(params.get('NumMedia') ?? 0)
    const mediaUrls = Array.from({ length: Number.isFinite(numMedia) ? numMedia : 0 }, (_, index) =>
      params.get(`MediaUrl${index}`)
    ).filter((url): url is string => !!url)
    const optOutType = params.get('OptOutType')?.toUpperCase() as keyof typeof OPT_OUT_TYPES
    return [
      {
        type: 'inbound',
        providerMessageId: messageSid,
        from: params.get('From') ?? '',
        to: params.get('To') ?? '',
        body: params.get('Body') ?? '',
        mediaUrls,
        optOutType: OPT_OUT_TYPES[optOutType],
      },
    ]
  }

  const status = twilioStatus(messageStatus)
  if (!status) return []
  const errorCode = params.get('ErrorCode')
  return [
    {
      type: 'status',
      providerMessageId: messageSid,
      status,
      error: errorCode
        ? classifyTwilioError({ code: errorCode, message: params.get('ErrorMessage') })
        : undefined,
    },
  ]
}
