import vine from '@vinejs/vine'

/** The profile's notification choices: each kind of email on or off. */
export const notificationPreferencesValidator = vine.create({
  assignment: vine.boolean(),
  digest: vine.boolean(),
  escalation: vine.boolean(),
})
