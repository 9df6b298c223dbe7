import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { WithOrganization } from '#models/mixins/with_organization'

/** A picture of an organization's media library: the upload and the copy fitted for sending. */
export default class MediaItem extends compose(BaseModel, WithOrganization) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare uploadedById: number | null

  /** The uploaded file's name, for people to tell pictures apart. */
  @column()
  declare name: string

  /** The Drive key of the copy that is sent. */
  @column({ serializeAs: null })
  declare storageKey: string

  @column()
  declare contentType: string

  @column()
  declare bytes: number

  @column()
  declare width: number

  @column()
  declare height: number

  /** The Drive key of the file as uploaded. */
  @column({ serializeAs: null })
  declare originalKey: string

  @column()
  declare originalContentType: string

  @column({ consume: (value) => Number(value) })
  declare originalBytes: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null
}
