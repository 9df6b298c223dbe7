import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { WithOrganization } from '#models/mixins/with_organization'

/** An organization's texting window for recipients in one US state ("HH:MM" local time). */
export default class TextingHourRule extends compose(BaseModel, WithOrganization) {
  @column({ isPrimary: true })
  declare id: number

  /** Two-letter USPS code, upper case. */
  @column()
  declare state: string

  @column()
  declare start: string

  @column()
  declare end: string

  // SQLite and MySQL hand booleans back as 0/1.
  @column({ consume: (value) => Boolean(value) })
  declare enabled: boolean

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null
}
