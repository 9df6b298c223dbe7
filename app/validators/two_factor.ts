import vine from '@vinejs/vine'

/** A six-digit authenticator code, or at sign-in a recovery code. */
export const twoFactorCodeValidator = vine.create({
  code: vine.string().trim().minLength(1).maxLength(32),
})

/** Turning two-factor off asks for the password again. */
export const disableTwoFactorValidator = vine.create({
  password: vine.string().maxLength(128),
})
