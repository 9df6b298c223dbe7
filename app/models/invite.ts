import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Organization from '#models/organization'
import { WithOrganization } from '#models/mixins/with_organization'
import type { Role } from '#models/membership'

export default class Invite extends compose(BaseModel, WithOrganization) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare createdById: number | null

  @column({ serializeAs: null })
  declare token: string

  @column()
  declare role: Exclude<Role, 'owner'>

  @column()
  declare maxUses: number | null

  @column()
  declare uses: number

  @column.dateTime()
  declare expiresAt: DateTime | null

  @column.dateTime()
  declare revokedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null

  @belongsTo(() => Organization)
  declare organization: BelongsTo<typeof Organization>

  /**
   * Why this invite can no longer be used, or null while it can.
   */
  get unusableReason(): 'revoked' | 'expired' | 'used up' | null {
    if (this.revokedAt) return 'revoked'
    if (this.expiresAt && this.expiresAt <= DateTime.now()) return 'expired'
    if (this.maxUses !== null && this.uses >= this.maxUses) return 'used up'
    return null
  }
}
