import vine from '@vinejs/vine'

/** Retention limits: whole months / days, null turns one off. */
const retentionLimits = () => ({
  conversationsMonths: vine.number().withoutDecimals().min(1).max(240).nullable().optional(),
  exportsDays: vine.number().withoutDecimals().min(1).max(3650).nullable().optional(),
})

const clock = () => vine.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)

export const organizationNameValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(120),
})

export const setupValidator = vine.create({
  fullName: vine.string().trim().minLength(1).maxLength(120),
  email: vine.string().trim().toLowerCase().email().maxLength(254),
  password: vine.string().minLength(10).maxLength(128),
  organizationName: vine.string().trim().minLength(2).maxLength(120),
})

/**
 * PATCH /api/v1/organization and the organization settings page.
 */
export const updateOrganizationValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(120).optional(),
  requiresApproval: vine.boolean().optional(),
  settings: vine
    .object({
      textingHours: vine.object({ start: clock(), end: clock() }).optional(),
      stateRules: vine.boolean().optional(),
      pricePerSegment: vine.number().min(0).max(1).optional(),
      optOutReply: vine.string().trim().minLength(1).maxLength(320).optional(),
      helpReply: vine.string().trim().minLength(1).maxLength(320).optional(),
      optOutReplyEs: vine.string().trim().minLength(1).maxLength(320).optional(),
      helpReplyEs: vine.string().trim().minLength(1).maxLength(320).optional(),
      requireRegisteredSenders: vine.boolean().optional(),
      requireTwoFactor: vine.boolean().optional(),
      eraseOnOptOut: vine.boolean().optional(),
      retention: vine.object(retentionLimits()).optional(),
      replyDigestMinutes: vine.number().withoutDecimals().min(5).max(1440).optional(),
    })
    .optional(),
})

/** The retention dry run's limits (query string; the saved ones where none is given). */
export const retentionPreviewValidator = vine.create(retentionLimits())
