import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { WithOrganization } from '#models/mixins/with_organization'

/** ready: stored and shown; pending: an incoming picture not fetched yet; failed: see the reason. */
export type MessageMediaStatus = 'ready' | 'pending' | 'failed'

/** One picture of a text, in its place among the text's pictures. */
export default class MessageMedia extends compose(BaseModel, WithOrganization) {
  static table = 'message_media'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare messageId: number

  @column()
  declare position: number

  /** The library picture an outgoing text carries. */
  @column()
  declare mediaItemId: number | null

  @column({ serializeAs: null })
  declare storageKey: string | null

  @column()
  declare contentType: string | null

  @column()
  declare bytes: number | null

  /** Where the provider said an incoming picture is. */
  @column({ serializeAs: null })
  declare sourceUrl: string | null

  @column()
  declare status: MessageMediaStatus

  /** Why an incoming picture is not available, in words a texter understands. */
  @column()
  declare failureReason: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null
}
