import type { Reader } from '#exceptions/refusal_wording'
import type Message from '#models/message'
import { WAITING_FOR_TEXTING_HOURS } from '#services/outbox/send_guards'

/**
 * Why Porchlight itself held or failed a text (a send guard, a review), by
 * the code it stored with the English message: pages say it again in their
 * reader's language. Providers' and carriers' own reasons stay as stored.
 */
const OWN_REASONS: Record<string, string> = {
  opted_out: 'conversations.failure.optedOut',
  campaign_ended: 'conversations.failure.campaignEnded',
  outside_texting_hours: 'conversations.failure.outsideHours',
  [WAITING_FOR_TEXTING_HOURS]: 'conversations.failure.waitingForHours',
  discarded: 'conversations.failure.discarded',
}

type Stored = Pick<Message, 'errorCode' | 'errorClass' | 'errorMessage' | 'status'>

export function storedErrorIn(message: Stored, i18n: Reader) {
  const { errorCode: code, errorMessage } = message
  if (!code || !errorMessage) return errorMessage ?? null
  const ours =
    message.errorClass === 'refused' ||
    (code === WAITING_FOR_TEXTING_HOURS && message.status === 'queued') ||
    (code === 'discarded' && message.status === 'failed')
  const key = ours ? OWN_REASONS[code] : undefined
  return key ? i18n.t(key) : errorMessage
}
