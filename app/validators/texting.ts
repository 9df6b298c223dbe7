import vine from '@vinejs/vine'

const campaignContactId = () => vine.number().withoutDecimals().positive()

/** One press of Send. `idempotencyKey` is the screen's id for the press (a UUID or the like). */
export const sendInitialValidator = vine.create({
  campaignContactId: campaignContactId(),
  idempotencyKey: vine
    .string()
    .trim()
    .minLength(1)
    .maxLength(100)
    .regex(/^[\w.:-]+$/),
  body: vine.string().trim().minLength(1).maxLength(1600).optional(),
  /** Set when the card is a follow-up: the step it sends. */
  followUpStepId: vine.number().withoutDecimals().positive().optional(),
})

/** Skip or opt out one contact. */
export const texterContactValidator = vine.create({ campaignContactId: campaignContactId() })

/** How many cards the send screen loads ahead. */
export const nextCardsValidator = vine.create({
  count: vine.number().withoutDecimals().range([1, 20]).optional(),
})
