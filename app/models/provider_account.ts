import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import encryption from '@adonisjs/core/services/encryption'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import { WithOrganization } from '#models/mixins/with_organization'
import SenderNumber from '#models/sender_number'

/**
 * An organization's account with one SMS provider plugin. Credentials are
 * encrypted at rest with APP_KEY and never serialized.
 */
export default class ProviderAccount extends compose(BaseModel, WithOrganization) {
  @column({ isPrimary: true })
  declare id: number

  /** The plugin id: "twilio", "telnyx", "fake" or a third-party plugin's id. */
  @column()
  declare provider: string

  @column()
  declare name: string

  @column({
    serializeAs: null,
    prepare: (value: Record<string, string>) => encryption.encrypt(JSON.stringify(value)),
    consume: (value: string) => JSON.parse(encryption.decrypt<string>(value) ?? '{}'),
  })
  declare credentials: Record<string, string>

  @column({
    prepare: (value: Record<string, unknown> | null) => JSON.stringify(value ?? {}),
    consume: (value: string | null) => (value ? JSON.parse(value) : {}),
  })
  declare settings: Record<string, unknown>

  /** "active", or "disabled" after a configuration failure (with the reason). */
  @column()
  declare status: 'active' | 'disabled'

  @column()
  declare statusReason: string | null

  /**
   * Whether the account's messaging service / profile (its number pool) is
   * registered with The Campaign Registry (10DLC). SQLite and MySQL hand
   * booleans back as 0/1.
   */
  @column({ consume: (value) => Boolean(value) })
  declare poolRegistered: boolean

  /** Sends through a messaging service (Twilio) or messaging profile (Telnyx) rather than one number. */
  get pooled() {
    return ['messagingServiceSid', 'messagingProfileId'].some((key) => Boolean(this.settings[key]))
  }

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null

  @hasMany(() => SenderNumber)
  declare numbers: HasMany<typeof SenderNumber>
}
