import vine from '@vinejs/vine'

/** A list's or a tag's name. */
export const listNameValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(120),
})

export const tagNameValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(80),
})

/** "Escalates to supervisors": tagging a conversation with it routes the conversation to them. */
export const tagEscalationValidator = vine.create({
  escalates: vine.boolean(),
})
