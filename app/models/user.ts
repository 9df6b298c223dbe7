import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import encryption from '@adonisjs/core/services/encryption'
import { compose } from '@adonisjs/core/helpers'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import Membership from '#models/membership'

const AuthFinder = withAuthFinder(() => hash.use('scrypt'), {
  uids: ['email'],
  passwordColumnName: 'password',
})

export default class User extends compose(BaseModel, AuthFinder) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare fullName: string

  @column()
  declare email: string

  @column({ serializeAs: null })
  declare password: string

  /** The TOTP secret, encrypted like provider credentials; set while enrolling, on once enabled. */
  @column({
    serializeAs: null,
    prepare: (value: string | null) => (value ? encryption.encrypt(value) : null),
    consume: (value: string | null) => (value ? encryption.decrypt<string>(value) : null),
  })
  declare twoFactorSecret: string | null

  @column.dateTime({ serializeAs: null })
  declare twoFactorEnabledAt: DateTime | null

  /** "en" or "es"; null follows the browser's Accept-Language. */
  @column()
  declare locale: string | null

  /** Which notification emails the person receives (see app/services/notifications). */
  @column({ consume: (value) => Boolean(value) })
  declare emailAssignments: boolean

  @column({ consume: (value) => Boolean(value) })
  declare emailReplyDigests: boolean

  @column({ consume: (value) => Boolean(value) })
  declare emailEscalations: boolean

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null

  @hasMany(() => Membership)
  declare memberships: HasMany<typeof Membership>

  get hasTwoFactor() {
    return !!this.twoFactorEnabledAt && !!this.twoFactorSecret
  }

  /**
   * What `{texterName}` renders to in scripts.
   */
  get firstName() {
    return this.fullName.trim().split(/\s+/)[0] ?? ''
  }
}
