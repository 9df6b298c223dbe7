import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** One line of a registration's history: a submission (by whom, what) or a status change. */
export default class TendlcRegistrationEvent extends BaseModel {
  static table = 'tendlc_registration_events'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare organizationId: number

  @column()
  declare registrationId: number

  @column()
  declare userId: number | null

  @column()
  declare action: 'submitted' | 'status'

  @column()
  declare status: string

  @column()
  declare reason: string | null

  @column({
    prepare: (value: Record<string, unknown> | null) => (value ? JSON.stringify(value) : null),
    consume: (value: string | null) => (value ? JSON.parse(value) : null),
  })
  declare details: Record<string, unknown> | null

  @column.dateTime()
  declare createdAt: DateTime
}
