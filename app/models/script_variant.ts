import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { WithOrganization } from '#models/mixins/with_organization'
import { json } from '#models/campaign'

/** One version of a campaign's initial message; contacts get one in proportion to its weight. */
export default class ScriptVariant extends compose(BaseModel, WithOrganization) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare campaignId: number

  @column()
  declare body: string

  @column()
  declare weight: number

  @column()
  declare position: number

  /** Library pictures sent with the text, in order. */
  @column(json<number[]>([]))
  declare mediaIds: number[]

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null
}
