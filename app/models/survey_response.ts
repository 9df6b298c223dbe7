import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { WithOrganization } from '#models/mixins/with_organization'

/** A contact's answer to one survey question, recorded by the texter. One per question per conversation. */
export default class SurveyResponse extends compose(BaseModel, WithOrganization) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare campaignId: number

  @column()
  declare campaignContactId: number

  /** The step that asks the question. */
  @column()
  declare questionStepId: number

  /** The child step chosen as the answer. */
  @column()
  declare answerStepId: number

  /** The answer's text when it was given (kept if the script changes later). */
  @column()
  declare value: string

  @column()
  declare answeredById: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null
}
