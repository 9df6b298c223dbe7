import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { WithOrganization } from '#models/mixins/with_organization'
import type { InboundIntent } from '#services/webhooks/opt_out_keywords'

export type MessageDirection = 'inbound' | 'outbound'

/**
 * Outbound: queued → sending (claimed by a dispatcher) → sent → delivered,
 * or failed / undelivered; "review" parks a row whose fate after a crash is
 * unknown. Inbound rows are "received".
 */
export const MESSAGE_STATUSES = [
  'queued',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'review',
  'received',
] as const
export type MessageStatus = (typeof MESSAGE_STATUSES)[number]

/**
 * The provider plugin's classification of a failure, or `refused`: our own
 * last checks stopped the text before it reached the provider.
 */
export type ErrorClass = 'transient' | 'recipient' | 'configuration' | 'refused'

/**
 * Why an outbound message was written: by the platform itself (test, opt-out
 * confirmation, HELP answer), or a texter's first text of a campaign
 * (`campaign_initial`, one per campaign contact) or follow-up step (`campaign_follow_up`, one
 * per campaign contact per step); null: any other text a person sent.
 */
export type MessagePurpose =
  | 'test'
  | 'opt_out_confirmation'
  | 'help_reply'
  | 'campaign_initial'
  | 'campaign_follow_up'
  /** A keyword rule's answer (services/auto_answers). */
  | 'auto_answer'

export default class Message extends compose(BaseModel, WithOrganization) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare providerAccountId: number | null

  @column()
  declare contactId: number | null

  @column()
  declare campaignId: number | null

  @column()
  declare campaignContactId: number | null

  @column()
  declare direction: MessageDirection

  @column()
  declare body: string

  @column({
    prepare: (value: string[] | null) => (value?.length ? JSON.stringify(value) : null),
    consume: (value: string | null) => (value ? JSON.parse(value) : []),
  })
  declare media: string[]

  @column({ columnName: 'from_phone' })
  declare from: string

  @column({ columnName: 'to_phone' })
  declare to: string

  @column()
  declare segments: number

  @column()
  declare encoding: 'GSM-7' | 'UCS-2'

  @column()
  declare status: MessageStatus

  @column()
  declare errorCode: string | null

  @column()
  declare errorClass: ErrorClass | null

  @column()
  declare errorMessage: string | null

  @column()
  declare providerMessageId: string | null

  @column()
  declare idempotencyKey: string | null

  @column()
  declare purpose: MessagePurpose | null

  /** What an inbound text asked for (see services/opt_out_keywords). */
  @column()
  declare intent: InboundIntent | null

  @column()
  declare attempts: number

  @column.dateTime()
  declare nextAttemptAt: DateTime | null

  @column.dateTime()
  declare claimedAt: DateTime | null

  @column()
  declare claimedBy: string | null

  @column()
  declare sentById: number | null

  /** For a texter's answer: seconds since the reply it answers arrived. */
  @column()
  declare responseSeconds: number | null

  @column.dateTime()
  declare sentAt: DateTime | null

  @column.dateTime()
  declare deliveredAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null
}
