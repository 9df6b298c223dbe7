import vine from '@vinejs/vine'

const email = () => vine.string().trim().toLowerCase().email().maxLength(254)
const newPassword = () => vine.string().minLength(10).maxLength(128)
const fullName = () => vine.string().trim().minLength(1).maxLength(120)

export const loginValidator = vine.create({
  email: email(),
  password: vine.string().maxLength(128),
})

/**
 * The person joining: used by the first-run setup page and by invite links.
 */
export const newAccountValidator = vine.create({
  fullName: fullName(),
  email: email().unique({ table: 'users', column: 'email' }),
  password: newPassword(),
})

/**
 * Joining through an invite link when email can reach the address: whether
 * the address already has an account is never said (see RequestJoin).
 */
export const joinRequestValidator = vine.create({
  fullName: fullName(),
  email: email(),
  password: newPassword(),
})

export const forgotPasswordValidator = vine.create({
  email: email(),
})

export const resetPasswordValidator = vine.create({
  token: vine.string().maxLength(200),
  password: newPassword(),
})

export const changePasswordValidator = vine.create({
  currentPassword: vine.string().maxLength(128),
  password: newPassword(),
})

export const profileValidator = vine.create({
  fullName: fullName(),
  /** Empty ("Browser default") arrives as null: follow the browser's Accept-Language. */
  locale: vine.enum(['en', 'es']).nullable().optional(),
})
