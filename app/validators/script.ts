import vine from '@vinejs/vine'

/**
 * POST /api/v1/messages/preview and the script editor's live preview. The
 * body is not trimmed: every character counts towards the segments.
 */
export const scriptPreviewValidator = vine.create({
  body: vine.string().maxLength(1600),
  contactId: vine.number().positive().withoutDecimals().optional(),
  firstMessage: vine.boolean().optional(),
})
