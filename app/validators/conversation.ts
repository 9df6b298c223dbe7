import vine from '@vinejs/vine'
import { mediaIds } from '#validators/campaign'
import { CONVERSATION_FILTERS } from '#services/conversations/inbox'

const id = () => vine.number().withoutDecimals().min(1)

/** The conversations list: `?filter=needs_reply|all|closed&campaign=&page=`. */
export const conversationListValidator = vine.create({
  filter: vine.enum(CONVERSATION_FILTERS).optional(),
  campaign: id().optional(),
  page: vine.number().withoutDecimals().min(1).max(100_000).optional(),
})

/** One press of Send in a conversation. */
export const replyValidator = vine.create({
  body: vine.string().trim().minLength(1).maxLength(1600),
  mediaIds: mediaIds(),
  idempotencyKey: vine
    .string()
    .trim()
    .regex(/^[\w-]{8,40}$/),
})

export const answerValidator = vine.create({
  questionStepId: id(),
  answerStepId: id(),
})

export const conversationOptOutValidator = vine.create({
  confirm: vine.boolean(),
})

export const conversationTagValidator = vine.create({
  tagId: id(),
})
