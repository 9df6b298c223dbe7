import vine from '@vinejs/vine'

/** Sender numbers and recipients: E.164 ("+12025550123"). */
const e164 = () =>
  vine
    .string()
    .trim()
    .regex(/^\+[1-9]\d{6,14}$/)

/**
 * Plugin-defined fields arrive as a flat object of strings (numbers and
 * booleans from API callers are accepted too); the plugin's manifest says
 * which are required and what they must look like (checked in the action).
 */
const fieldValues = () => vine.record(vine.any().optional()).optional()

/** A name left out is the plugin's display name. */
export const createProviderAccountValidator = vine.create({
  provider: vine.string().trim().minLength(1).maxLength(60),
  name: vine.string().trim().minLength(1).maxLength(120).optional(),
  credentials: fieldValues(),
  settings: fieldValues(),
  numbers: vine.array(e164()).maxLength(1000).optional(),
})

/** Secret credentials left blank keep their stored value. */
export const updateProviderAccountValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(120),
  credentials: fieldValues(),
  settings: fieldValues(),
  numbers: vine.array(e164()).maxLength(1000).optional(),
})

export const testMessageValidator = vine.create({
  to: e164(),
  from: e164().optional(),
  body: vine.string().trim().minLength(1).maxLength(1600),
})

/** 10DLC: the account's numbers marked registered (the others are not), and its pool. */
export const senderRegistrationValidator = vine.create({
  registered: vine.array(e164()).maxLength(1000).optional(),
  poolRegistered: vine.boolean().optional(),
})
