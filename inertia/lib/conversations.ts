/** Shapes of the conversation page's props (app/transformers/thread_transformer.ts). */
import { t } from '~/i18n'

export type ThreadMessage = {
  id: number
  direction: 'inbound' | 'outbound'
  body: string
  status: string
  errorMessage: string | null
  intent: string | null
  purpose: string | null
  sentBy: string | null
  /** For a text a keyword rule answered: the rule's keywords. */
  autoAnsweredBy: string | null
  createdAt: string | null
}

export type SurveyQuestion = {
  stepId: number
  question: string
  chosenId: number | null
  answers: { stepId: number; answer: string; followUp: string }[]
}

export type CannedResponseChoice = {
  id: number
  title: string
  body: string
  scope: 'campaign' | 'organization'
}

export type TagChoice = { id: number; name: string; escalates: boolean; applied: boolean }

/** What is pushed over Transmit (app/services/realtime.ts). */
export type LiveUpdate =
  | {
      type: 'message.received'
      message: { id: number; campaignContactId: number | null; body: string; createdAt: string }
    }
  | { type: 'message.status'; message: { id: number; status: string } }
  | {
      type: 'conversation.updated'
      conversation: { id: number; status: string; assignedUserId: number | null }
    }
  | { type: 'opt_out.recorded' | 'opt_out.lifted'; phone: string }

/** The question the answer keys (1–9) choose for: the first one still open, else the last. */
export function currentQuestion(survey: SurveyQuestion[]) {
  return survey.find((question) => question.chosenId === null) ?? survey.at(-1) ?? null
}

const STATUS_LABELS: Record<string, string> = {
  needs_message: 'conversations.status.needsMessage',
  messaged: 'conversations.status.messaged',
  needs_response: 'conversations.status.needsResponse',
  conversing: 'conversations.status.conversing',
  closed: 'conversations.status.closed',
  opted_out: 'conversations.status.optedOut',
  failed: 'conversations.status.failed',
}

/** The status in the reader's language (the key for one Porchlight does not know: as it is). */
export const statusLabel = (status: string) =>
  STATUS_LABELS[status] ? t(STATUS_LABELS[status]) : status

/** A random key for one press of Send: the same press retried is one text. */
export function pressKey() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, '0')
  ).join('')
}
