import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { DateTime } from 'luxon'
import { MESSAGE_STATUSES } from '#models/message'
import { paginationFields } from '#validators/pagination'

const id = () => vine.number().withoutDecimals().min(1)

/** An ISO 8601 time with a date; one without an offset is read as UTC. */
const isoTimeRule = vine.createRule((value: unknown, _options: undefined, field: FieldContext) => {
  if (typeof value !== 'string') return
  if (!DateTime.fromISO(value, { zone: 'utc' }).isValid) {
    field.report(
      'The {{ field }} must be an ISO 8601 time, such as 2026-03-01T17:30:00Z',
      'isoTime',
      field
    )
  }
})

const isoTime = () =>
  vine
    .string()
    .trim()
    .maxLength(40)
    .use(isoTimeRule())
    .transform((value) => DateTime.fromISO(value, { zone: 'utc' }))

/**
 * `GET /api/v1/messages`: filters that combine, with the usual paging.
 * `conversationId` is a campaign contact's id (a conversation of the
 * conversations pages); `since` is a time the messages changed at or after.
 */
export const messageFiltersValidator = vine.create({
  contactId: id().optional(),
  campaignId: id().optional(),
  conversationId: id().optional(),
  direction: vine.enum(['inbound', 'outbound'] as const).optional(),
  status: vine.enum(MESSAGE_STATUSES).optional(),
  since: isoTime().optional(),
  ...paginationFields(),
})
