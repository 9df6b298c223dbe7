import vine from '@vinejs/vine'

export const INVITABLE_ROLES = ['texter', 'supervisor', 'admin'] as const

export const createInviteValidator = vine.create({
  role: vine.enum(INVITABLE_ROLES),
  expiresInDays: vine.number().withoutDecimals().min(1).max(365).optional(),
  maxUses: vine.number().withoutDecimals().min(1).max(100000).optional(),
})
