import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import { WithOrganization } from '#models/mixins/with_organization'
import TendlcRegistrationEvent from '#models/tendlc_registration_event'
import type { RegistrationStatus } from '#sms/types'

const json = {
  prepare: (value: Record<string, unknown>) => JSON.stringify(value ?? {}),
  consume: (value: string | null) => (value ? JSON.parse(value) : {}),
}

/**
 * A 10DLC brand or campaign registration of one provider account, as last
 * submitted (`details`), with the provider's id and status.
 */
export default class TendlcRegistration extends compose(BaseModel, WithOrganization) {
  static table = 'tendlc_registrations'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare providerAccountId: number

  @column()
  declare kind: 'brand' | 'campaign'

  @column(json)
  declare details: Record<string, unknown>

  /** draft until submitted; then pending, approved or failed (with statusReason). */
  @column()
  declare status: 'draft' | RegistrationStatus

  @column()
  declare statusReason: string | null

  /** The provider's id: Twilio's BN… / QE… SID, Telnyx's brandId / campaignId. */
  @column()
  declare providerRef: string | null

  @column.dateTime()
  declare submittedAt: DateTime | null

  @column.dateTime()
  declare checkedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null

  @hasMany(() => TendlcRegistrationEvent, { foreignKey: 'registrationId' })
  declare events: HasMany<typeof TendlcRegistrationEvent>
}
