import { DateTime } from 'luxon'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import Membership from '#models/membership'

export type OrganizationSettings = {
  textingHours: { start: string; end: string }
  stateRules: boolean
  pricePerSegment: number
  optOutReply: string
  helpReply: string
  /** The same two replies for people who text in Spanish (PARAR, AYUDA…). */
  optOutReplyEs: string
  helpReplyEs: string
  /** Where phones written without a country code are (ISO 3166 code); imports may override it. */
  defaultRegion: string
  /** 10DLC: launches must send only through senders marked registered with The Campaign Registry. */
  requireRegisteredSenders: boolean
  /** Admins and owners must use two-factor sign-in on web pages (API tokens unaffected). */
  requireTwoFactor: boolean
  /** Erase a person's data (as the erase action does) whenever they opt out. */
  eraseOnOptOut: boolean
  /** Retention limits, applied daily by the worker; null leaves that data alone. */
  retention: RetentionSettings
  /** A texter is emailed a digest once a reply has waited this many minutes unanswered. */
  replyDigestMinutes: number
}

export type RetentionSettings = {
  /** Erase the texts of conversations whose last message is older than this. */
  conversationsMonths: number | null
  /** Delete campaign exports (and their files) older than this. */
  exportsDays: number | null
}

export const DEFAULT_SETTINGS: OrganizationSettings = {
  textingHours: { start: '09:00', end: '20:00' },
  stateRules: true,
  pricePerSegment: 0.0079,
  optOutReply: 'You are unsubscribed and will receive no more texts from us.',
  helpReply: 'Reply STOP to stop receiving texts.',
  optOutReplyEs: 'Te diste de baja y no recibirás más mensajes nuestros.',
  helpReplyEs: 'Responde PARAR para dejar de recibir mensajes.',
  defaultRegion: 'US',
  requireRegisteredSenders: false,
  requireTwoFactor: false,
  eraseOnOptOut: false,
  retention: { conversationsMonths: null, exportsDays: null },
  replyDigestMinutes: 30,
}

export default class Organization extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare name: string

  @column()
  declare slug: string

  // SQLite and MySQL hand booleans back as 0/1.
  @column({ consume: (value) => Boolean(value) })
  declare requiresApproval: boolean

  @column({
    prepare: (value: OrganizationSettings) => JSON.stringify(value),
    consume: (value: string | OrganizationSettings) => ({
      ...DEFAULT_SETTINGS,
      ...(typeof value === 'string' ? JSON.parse(value) : value),
    }),
  })
  declare settings: OrganizationSettings

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null

  @hasMany(() => Membership)
  declare memberships: HasMany<typeof Membership>
}
