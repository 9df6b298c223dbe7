import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column, manyToMany } from '@adonisjs/lucid/orm'
import type { ManyToMany } from '@adonisjs/lucid/types/relations'
import { WithOrganization } from '#models/mixins/with_organization'
import ContactList from '#models/contact_list'
import Tag from '#models/tag'

const json = {
  prepare: (value: Record<string, string> | null) => (value ? JSON.stringify(value) : null),
  consume: (value: string | null) => (value ? JSON.parse(value) : {}),
}

export default class Contact extends compose(BaseModel, WithOrganization) {
  @column({ isPrimary: true })
  declare id: number

  /** E.164, unique per organization. */
  @column()
  declare phone: string

  @column()
  declare firstName: string | null

  @column()
  declare lastName: string | null

  @column()
  declare email: string | null

  @column()
  declare zip: string | null

  @column()
  declare state: string | null

  /** IANA zone when known for sure. */
  @column()
  declare timezone: string | null

  /** Comma-separated IANA zones when the zone is uncertain (texting hours use their intersection). */
  @column()
  declare timezoneCandidates: string | null

  @column()
  declare externalId: string | null

  @column(json)
  declare customFields: Record<string, string>

  /** Created by an inbound text from a number the organization did not know. */
  @column({ consume: (value: unknown) => Boolean(value) })
  declare unknownSender: boolean

  /** "landline" or "invalid" once a provider refused the number; texts to it are pointless. */
  @column()
  declare undeliverableReason: string | null

  @column.dateTime()
  declare undeliverableAt: DateTime | null

  @column.dateTime()
  declare erasedAt: DateTime | null

  /** Consent as imported: where the person agreed to be texted (a form, an event, …). */
  @column()
  declare optInSource: string | null

  /** When they agreed, as imported. */
  @column.dateTime()
  declare optInAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null

  @manyToMany(() => ContactList, { pivotTable: 'contact_list_members' })
  declare lists: ManyToMany<typeof ContactList>

  @manyToMany(() => Tag, { pivotTable: 'contact_tags' })
  declare tags: ManyToMany<typeof Tag>
}
