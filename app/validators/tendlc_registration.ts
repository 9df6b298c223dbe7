import vine from '@vinejs/vine'

const text = (max: number) => vine.string().trim().minLength(1).maxLength(max)

/** A list typed one entry per line (samples) or separated by commas (keywords). */
const list = (separator: RegExp, max: number, itemMax: number) =>
  vine
    .string()
    .trim()
    .transform((value) =>
      value
        .split(separator)
        .map((item) => item.trim())
        .filter(Boolean)
        .slice(0, max)
        .map((item) => item.slice(0, itemMax))
    )

export const ENTITY_TYPES = [
  'political_committee',
  'non_profit',
  'private_profit',
  'public_profit',
  'government',
] as const

export const USE_CASES = [
  'POLITICAL',
  'MIXED',
  'LOW_VOLUME',
  'CHARITY',
  'ACCOUNT_NOTIFICATION',
] as const

export const brandValidator = vine.create({
  legalName: text(255),
  entityType: vine.enum(ENTITY_TYPES),
  ein: vine
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{5,21}$/),
  street: text(100),
  city: text(100),
  state: text(20),
  postalCode: text(10),
  country: vine
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/),
  website: vine.string().trim().url(),
  email: vine.string().trim().email(),
  phone: vine
    .string()
    .trim()
    .regex(/^\+[1-9]\d{6,14}$/),
  vertical: text(40),
  campaignVerifyToken: vine.string().trim().maxLength(2000).optional(),
  /** The expiry Campaign Verify shows, for a token that does not carry it. */
  campaignVerifyExpiresOn: vine
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
})

export const campaignValidator = vine.create({
  useCase: vine.enum(USE_CASES),
  description: vine.string().trim().minLength(40).maxLength(4096),
  messageFlow: vine.string().trim().minLength(40).maxLength(2048),
  samples: list(/\r?\n/, 5, 1024),
  optInKeywords: list(/[\s,]+/, 20, 30),
  optOutKeywords: list(/[\s,]+/, 20, 30),
  helpKeywords: list(/[\s,]+/, 20, 30),
  optInMessage: text(320),
  optOutMessage: text(320),
  helpMessage: text(320),
  monthlyVolume: vine.number().withoutDecimals().min(1).max(100_000_000),
  hasEmbeddedLinks: vine.boolean().optional(),
  hasEmbeddedPhone: vine.boolean().optional(),
})
