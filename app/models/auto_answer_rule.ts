import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { WithOrganization } from '#models/mixins/with_organization'

const jsonList = {
  prepare: (value: string[]) => JSON.stringify(value ?? []),
  consume: (value: string | null) => (value ? JSON.parse(value) : []),
}

/**
 * A keyword rule: an inbound text that is one of `keywords` gets `answer` at
 * once, and optionally a survey answer, tags and a closed conversation. A
 * campaign's rule (campaignId set) is tried before the organization's.
 */
export default class AutoAnswerRule extends compose(BaseModel, WithOrganization) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare campaignId: number | null

  @column(jsonList)
  declare keywords: string[]

  /** A template with the scripts' merge fields. */
  @column()
  declare answer: string

  @column()
  declare questionStepId: number | null

  @column()
  declare answerStepId: number | null

  /** Tag names applied to the contact. */
  @column(jsonList)
  declare tags: string[]

  @column({ consume: (value: unknown) => Boolean(value) })
  declare close: boolean

  @column({ consume: (value: unknown) => Boolean(value) })
  declare enabled: boolean

  /** How many inbound texts it answered. */
  @column()
  declare fired: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null

  /** How the thread and the list name the rule: its keywords. */
  get label() {
    return this.keywords.join(', ')
  }
}
