import vine from '@vinejs/vine'
import { CAMPAIGN_CONTACT_STATUSES } from '#models/campaign_contact'
import { LOAD_SCOPES } from '#services/texting/reassignment'

const id = () => vine.number().withoutDecimals().min(1)

export const ASSIGNMENT_ACTIONS = ['assign', 'reassign', 'unassign'] as const

/**
 * An organizer's change to who holds a campaign's contacts (web form and
 * `POST /api/v1/campaigns/:id/assignments`). `assign` gives `count` unsent
 * contacts from the pool to `toUserId`; `reassign` (to `toUserId`) and
 * `unassign` (back to the pool) move exactly one selection:
 * `campaignContactIds`, or `repliesOlderThanHours` (optionally only
 * `fromUserId`'s), or `fromUserId`'s load limited to `scope`.
 */
export const assignmentValidator = vine.create({
  action: vine.enum(ASSIGNMENT_ACTIONS),
  toUserId: id().optional().requiredWhen('action', 'in', ['assign', 'reassign']),
  count: vine
    .number()
    .withoutDecimals()
    .range([1, 10_000])
    .optional()
    .requiredWhen('action', '=', 'assign'),
  campaignContactIds: vine.array(id()).minLength(1).maxLength(500).distinct().optional(),
  fromUserId: id().optional(),
  scope: vine.enum(LOAD_SCOPES).optional(),
  repliesOlderThanHours: vine.number().min(0).max(8760).optional(),
})

/** The "Replies go to reply handlers" setting and who the handlers are. */
export const replyHandlersValidator = vine.create({
  routeRepliesToHandlers: vine.boolean(),
  userIds: vine.array(id()).maxLength(500).distinct().optional(),
})

/**
 * The supervisor review's filters (page and `GET /api/v1/campaigns/:id/conversations`).
 * `texterId` is the texter holding the conversation; `unassigned` those nobody holds.
 */
export const conversationFiltersValidator = vine.create({
  texterId: id().optional(),
  unassigned: vine.boolean().optional(),
  status: vine
    .enum(CAMPAIGN_CONTACT_STATUSES.filter((status) => status !== 'needs_message'))
    .optional(),
  tagId: id().optional(),
  answerStepId: id().optional(),
  text: vine.string().trim().minLength(2).maxLength(100).optional(),
  escalated: vine.boolean().optional(),
  sentiment: vine.enum(['positive', 'neutral', 'negative']).optional(),
  page: vine.number().withoutDecimals().min(1).max(100_000).optional(),
  perPage: vine.number().withoutDecimals().min(1).max(500).optional(),
})
