import vine from '@vinejs/vine'

const id = () => vine.number().withoutDecimals().min(1)
const keyword = () => vine.string().trim().minLength(1).maxLength(40)

/**
 * A keyword rule, on the page and in the API. Whether the campaign, the
 * survey question and answer and the tags are the organization's is checked
 * by SaveAutoAnswerRule.
 */
export const autoAnswerValidator = vine.create({
  keywords: vine.array(keyword()).minLength(1).maxLength(20),
  answer: vine.string().trim().minLength(1).maxLength(1600),
  campaignId: id().nullable().optional(),
  surveyAnswer: vine.object({ questionId: id(), answerId: id() }).nullable().optional(),
  tags: vine.array(vine.string().trim().minLength(1).maxLength(40)).maxLength(20).optional(),
  close: vine.boolean().optional(),
  enabled: vine.boolean().optional(),
})

/** "Try a message": which rule would answer this text, and how. */
export const autoAnswerTryValidator = vine.create({
  body: vine.string().trim().minLength(1).maxLength(1600),
  campaignId: id().nullable().optional(),
})
