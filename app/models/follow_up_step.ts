import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { WithOrganization } from '#models/mixins/with_organization'
import { json } from '#models/campaign'

/** no_reply: sent only while the person has not replied; always: whatever they said. */
export const FOLLOW_UP_CONDITIONS = ['no_reply', 'always'] as const
export type FollowUpCondition = (typeof FOLLOW_UP_CONDITIONS)[number]

/** One version of a step's text; `mediaIds` are the library pictures it carries, in order. */
export type FollowUpVariant = { body: string; weight: number; mediaIds?: number[] }

/**
 * A text a person sends `afterHours` after the campaign's previous text to a
 * contact (the first text, or the step before), when its condition holds.
 */
export default class FollowUpStep extends compose(BaseModel, WithOrganization) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare campaignId: number

  /** 1 for the step after the first text. */
  @column()
  declare position: number

  @column()
  declare afterHours: number

  /** Stored as `send_when`: WHEN is a reserved word in SQL. */
  @column({ columnName: 'send_when' })
  declare when: FollowUpCondition

  @column(json<FollowUpVariant[]>([]))
  declare variants: FollowUpVariant[]

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null
}
