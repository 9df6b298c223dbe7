import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import encryption from '@adonisjs/core/services/encryption'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { WithOrganization } from '#models/mixins/with_organization'

/**
 * Where an organization's events are delivered. The signing secret is
 * encrypted at rest with APP_KEY, never serialized, and shown only once.
 */
export default class WebhookEndpoint extends compose(BaseModel, WithOrganization) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare url: string

  @column({
    prepare: (value: string[]) => JSON.stringify(value),
    consume: (value: string) => JSON.parse(value),
  })
  declare events: string[]

  /** SQLite and MySQL hand booleans back as 0/1. */
  @column({ consume: (value) => Boolean(value) })
  declare enabled: boolean

  @column({
    serializeAs: null,
    prepare: (value: string) => encryption.encrypt(value),
    consume: (value: string) => encryption.decrypt<string>(value) ?? '',
  })
  declare secret: string

  /** Why deliveries stopped on their own (410 Gone, a day of failures). */
  @column()
  declare disabledReason: string | null

  @column.dateTime()
  declare failingSince: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null
}
