import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { WithOrganization } from '#models/mixins/with_organization'

/**
 * Where an opt-out came from: an inbound keyword or "reasonable means" reply,
 * a texter's or admin's click, an import of a suppression list, or the
 * carrier refusing a send because the person opted out there.
 */
export const OPT_OUT_SOURCES = ['keyword', 'texter', 'admin', 'import', 'api', 'carrier'] as const
export type OptOutSource = (typeof OPT_OUT_SOURCES)[number]

/**
 * Org-wide suppression by phone. Outlives the contact: erasing a person's
 * data keeps the record that they must not be texted.
 */
export default class OptOut extends compose(BaseModel, WithOrganization) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare phone: string

  @column()
  declare reason: string | null

  @column()
  declare source: OptOutSource

  @column()
  declare messageId: number | null

  @column()
  declare createdById: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null
}
