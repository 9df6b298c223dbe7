import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { WithOrganization } from '#models/mixins/with_organization'
import type { SegmentGroup } from '#services/segments/definition'

/**
 * A saved audience filter. Its members are whoever matches the definition
 * at the moment it is counted or used.
 */
export default class Segment extends compose(BaseModel, WithOrganization) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare name: string

  @column({
    prepare: (value: SegmentGroup) => JSON.stringify(value),
    consume: (value: string | SegmentGroup) =>
      typeof value === 'string' ? JSON.parse(value) : value,
  })
  declare definition: SegmentGroup

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null
}
