import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { WithOrganization } from '#models/mixins/with_organization'

/**
 * A node of a campaign's survey tree. A root asks `question`; a child is the
 * answer `answerOption` to its parent's question, carries the follow-up
 * `script` the texter sends when a contact gives it, and may ask a further
 * `question` of its own.
 */
export default class InteractionStep extends compose(BaseModel, WithOrganization) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare campaignId: number

  @column()
  declare parentId: number | null

  @column()
  declare answerOption: string | null

  @column()
  declare script: string | null

  @column()
  declare question: string | null

  @column()
  declare position: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null
}
