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

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null
}
