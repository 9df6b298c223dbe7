import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { WithOrganization } from '#models/mixins/with_organization'

/**
 * A provider's webhook request, stored verbatim before it is processed, so
 * nothing is lost if processing fails and repeats are recognised by dedupe key.
 */
export default class WebhookEvent extends compose(BaseModel, WithOrganization) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare providerAccountId: number

  @column()
  declare dedupeKey: string

  /** "inbound" or "status". */
  @column()
  declare kind: string

  @column()
  declare payload: string

  /** "pending", "processed" or "failed". */
  @column()
  declare status: string

  @column()
  declare error: string | null

  @column.dateTime()
  declare processedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null
}
