import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { WithOrganization } from '#models/mixins/with_organization'

export default class SenderNumber extends compose(BaseModel, WithOrganization) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare providerAccountId: number

  /** E.164. */
  @column()
  declare phone: string

  /** Registered with The Campaign Registry (10DLC). SQLite and MySQL hand booleans back as 0/1. */
  @column({ consume: (value) => Boolean(value) })
  declare registered: boolean

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null
}
