import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { WithOrganization } from '#models/mixins/with_organization'
import { json } from '#models/campaign'

/** A ready reply texters pick in conversations: one campaign's, or the whole organization's (campaignId null). */
export default class CannedResponse extends compose(BaseModel, WithOrganization) {
  /** The organization-wide ones (not a campaign's). */
  static orgWide(organizationId: number) {
    return this.forOrganization(organizationId).whereNull('campaign_id')
  }

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare campaignId: number | null

  @column()
  declare title: string

  @column()
  declare body: string

  @column({
    prepare: (value: string[]) => JSON.stringify(value ?? []),
    consume: (value: string | null) => (value ? JSON.parse(value) : []),
  })
  declare tags: string[]

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
