import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import encryption from '@adonisjs/core/services/encryption'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { WithOrganization } from '#models/mixins/with_organization'
import type { ImportSourceKind } from '#integrations/contract'

/**
 * An organization's account with one CRM integration plugin. Credentials
 * are encrypted at rest with APP_KEY and never serialized.
 */
export default class IntegrationAccount extends compose(BaseModel, WithOrganization) {
  @column({ isPrimary: true })
  declare id: number

  /** The plugin id, as config/integrations.ts registers it. */
  @column()
  declare plugin: string

  @column()
  declare name: string

  @column({
    serializeAs: null,
    prepare: (value: Record<string, string>) => encryption.encrypt(JSON.stringify(value)),
    consume: (value: string) => JSON.parse(encryption.decrypt<string>(value) ?? '{}'),
  })
  declare credentials: Record<string, string>

  @column({
    prepare: (value: Record<string, string> | null) => JSON.stringify(value ?? {}),
    consume: (value: string | null) => (value ? JSON.parse(value) : {}),
  })
  declare settings: Record<string, string>

  /** SQLite and MySQL hand booleans back as 0/1. */
  @column({ consume: (value) => Boolean(value) })
  declare enabled: boolean

  /** The last domain event read for results. */
  @column()
  declare eventCursor: number

  @column()
  declare importKind: ImportSourceKind | null

  @column()
  declare importSourceId: string | null

  @column()
  declare importListId: number | null

  /** Null: imports run only on demand. */
  @column()
  declare importEveryMinutes: number | null

  @column.dateTime()
  declare importNextAt: DateTime | null

  /** Where the import under way resumes; null between runs. */
  @column({ serializeAs: null })
  declare importPageCursor: string | null

  /** When the last complete import began: the next one asks only for people changed since. */
  @column.dateTime()
  declare importSince: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null
}
