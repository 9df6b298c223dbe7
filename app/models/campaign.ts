import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import { WithOrganization } from '#models/mixins/with_organization'
import ScriptVariant from '#models/script_variant'
import InteractionStep from '#models/interaction_step'
import CannedResponse from '#models/canned_response'
import FollowUpStep from '#models/follow_up_step'

/**
 * draft → active ⇄ paused → completed → archived. Only a draft can be
 * launched; only an active or paused campaign is texted from.
 */
export const CAMPAIGN_STATUSES = ['draft', 'active', 'paused', 'completed', 'archived'] as const
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number]

export type CampaignAudience = {
  listIds: number[]
  segmentId: number | null
  /** Members of these lists are left out. */
  excludeListIds: number[]
  /** Leave out people another active campaign texted in the last N days. */
  excludeRecentDays: number | null
}

export type Window = { start: string; end: string }

/** A JSON column (text on SQLite, parsed either way). */
export function json<T>(fallback: T) {
  return {
    prepare: (value: T | null) => (value === null ? null : JSON.stringify(value)),
    consume: (value: string | T | null): T =>
      value === null ? fallback : typeof value === 'string' ? JSON.parse(value) : value,
  }
}

export default class Campaign extends compose(BaseModel, WithOrganization) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare name: string

  @column()
  declare purpose: string | null

  @column()
  declare status: CampaignStatus

  @column()
  declare providerAccountId: number | null

  /** E.164 numbers of the account; empty means the account's whole pool. */
  @column(json<string[]>([]))
  declare senderNumbers: string[]

  @column(
    json<CampaignAudience>({
      listIds: [],
      segmentId: null,
      excludeListIds: [],
      excludeRecentDays: null,
    })
  )
  declare audience: CampaignAudience

  /** Null follows the organization's default window. */
  @column(json<Window | null>(null))
  declare textingHours: Window | null

  @column()
  declare batchSize: number

  @column()
  declare maxContactsPerTexter: number | null

  /** The texter may edit the rendered first message before sending. */
  @column()
  declare allowInitialEdit: boolean

  /** Links in its first texts and follow-ups are sent as short links that count clicks. */
  @column()
  declare trackLinks: boolean

  /** Replies go to the campaign's reply handlers rather than the first texter. */
  @column()
  declare routeRepliesToHandlers: boolean

  @column()
  declare copiedFromId: number | null

  @column()
  declare createdById: number | null

  @column.dateTime()
  declare launchedAt: DateTime | null

  @column.dateTime()
  declare completedAt: DateTime | null

  @column.dateTime()
  declare archivedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null

  @hasMany(() => ScriptVariant, { onQuery: (query) => query.orderBy('position') })
  declare variants: HasMany<typeof ScriptVariant>

  @hasMany(() => InteractionStep, { onQuery: (query) => query.orderBy('position') })
  declare steps: HasMany<typeof InteractionStep>

  @hasMany(() => CannedResponse, { onQuery: (query) => query.orderBy('position') })
  declare cannedResponses: HasMany<typeof CannedResponse>

  @hasMany(() => FollowUpStep, { onQuery: (query) => query.orderBy('position') })
  declare followUpSteps: HasMany<typeof FollowUpStep>
}
