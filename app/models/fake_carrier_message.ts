import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { WithOrganization } from '#models/mixins/with_organization'
import type { ProviderMessageStatus } from '#sms/types'

/**
 * One text carried by the fake carrier, seen from the fake phone: one it
 * received (`to_phone`) or one it sent (`from_phone`).
 */
export default class FakeCarrierMessage extends compose(BaseModel, WithOrganization) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare providerAccountId: number

  /** The carrier's message id, as the plugin reports it. */
  @column()
  declare sid: string

  @column()
  declare direction: 'to_phone' | 'from_phone'

  /** The fake phone (E.164). */
  @column()
  declare phone: string

  /** The organization's number on the other end. */
  @column()
  declare sender: string

  @column()
  declare body: string

  @column({
    prepare: (value: string[] | null) => (value?.length ? JSON.stringify(value) : null),
    consume: (value: string | null) => (value ? JSON.parse(value) : []),
  })
  declare media: string[]

  /** Outbound: queued → delivered / undelivered / failed; replies: "received" once posted. */
  @column()
  declare status: ProviderMessageStatus | 'received' | 'unposted'

  @column()
  declare errorCode: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null
}
