import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { DbAccessTokensProvider } from '@adonisjs/auth/access_tokens'
import { WithOrganization } from '#models/mixins/with_organization'
import User from '#models/user'
import Organization from '#models/organization'

/**
 * Roles from least to most powerful; a role includes what those before it may do.
 */
export const ROLES = ['texter', 'supervisor', 'admin', 'owner'] as const
export type Role = (typeof ROLES)[number]

export const MEMBERSHIP_STATUSES = ['active', 'pending', 'suspended'] as const
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number]

export function roleRank(role: Role) {
  return ROLES.indexOf(role)
}

/**
 * A user's place in one organization. API tokens belong to a membership, so
 * a token always acts as one user in one organization with that role.
 */
export default class Membership extends compose(BaseModel, WithOrganization) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare role: Role

  @column()
  declare status: MembershipStatus

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @belongsTo(() => Organization)
  declare organization: BelongsTo<typeof Organization>

  static accessTokens = DbAccessTokensProvider.forModel(Membership, {
    table: 'api_tokens',
    type: 'api_token',
    prefix: 'plt_',
  })

  /**
   * Whether this membership's role is at least `role`.
   */
  atLeast(role: Role) {
    return roleRank(this.role) >= roleRank(role)
  }

  get isActive() {
    return this.status === 'active'
  }

  /**
   * The page this member starts on: organizers (supervisors and above) the
   * organization's overview, texters their texting page, and a member an
   * admin has not approved yet the waiting page.
   */
  get homeRoute() {
    if (!this.isActive) return 'waiting.show' as const
    return this.atLeast('supervisor') ? ('dashboard' as const) : ('texting.index' as const)
  }
}
