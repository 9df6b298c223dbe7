import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { WithOrganization } from '#models/mixins/with_organization'

/**
 * needs_message → messaged → needs_response ⇄ conversing → closed, or
 * opted_out / failed at any point.
 */
export const CAMPAIGN_CONTACT_STATUSES = [
  'needs_message',
  'messaged',
  'needs_response',
  'conversing',
  'closed',
  'opted_out',
  'failed',
] as const
export type CampaignContactStatus = (typeof CAMPAIGN_CONTACT_STATUSES)[number]

export type CampaignContactDelivery = 'queued' | 'sent' | 'delivered' | 'failed'
/**
 * Why a first text failed: what the provider said (the first five), or the
 * last check that stopped it before the provider saw it (`opted_out`: the
 * phone opted out meanwhile; `texting_hours`: the campaign ended before the
 * recipient's window opened, or the rules leave them none).
 */
export type CampaignContactFailureReason =
  | 'landline'
  | 'invalid'
  | 'carrier_filtered'
  | 'carrier_opt_out'
  | 'other'
  | 'opted_out'
  | 'texting_hours'
export type Sentiment = 'positive' | 'neutral' | 'negative'

/** One contact of a launched campaign's audience snapshot. Unique per (campaign, contact). */
export default class CampaignContact extends compose(BaseModel, WithOrganization) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare campaignId: number

  @column()
  declare contactId: number

  /** The initial-message variant chosen at launch. */
  @column()
  declare variantId: number | null

  @column()
  declare assignedUserId: number | null

  @column()
  declare status: CampaignContactStatus

  @column.dateTime()
  declare assignedAt: DateTime | null

  /** When the first text was queued, and who pressed Send. */
  @column.dateTime()
  declare messagedAt: DateTime | null

  @column()
  declare messagedById: number | null

  /** The first reply. */
  @column.dateTime()
  declare repliedAt: DateTime | null

  @column.dateTime()
  declare lastInboundAt: DateTime | null

  @column.dateTime()
  declare lastOutboundAt: DateTime | null

  @column.dateTime()
  declare skippedAt: DateTime | null

  /** The send screen's key for the press that sent the first text (repeats of it are harmless). */
  @column()
  declare initialSendKey: string | null

  /** Set while an escalation tag routes the conversation to supervisors. */
  @column.dateTime()
  declare escalatedAt: DateTime | null

  /** The first text's fate, and why it failed. */
  @column()
  declare delivery: CampaignContactDelivery | null

  @column()
  declare failureReason: CampaignContactFailureReason | null

  /** The latest reply's sentiment. */
  @column()
  declare sentiment: Sentiment | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null
}
