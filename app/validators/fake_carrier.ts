import vine from '@vinejs/vine'

const phone = () =>
  vine
    .string()
    .trim()
    .regex(/^\+[1-9]\d{6,14}$/)
const body = () => vine.string().maxLength(1600)

/** A send, as the fake plugin's client posts it to the carrier's API. */
export const carrierSendValidator = vine.create({
  to: phone(),
  from: phone(),
  body: body().optional(),
  // Links to this instance's own pictures: a development APP_URL is often http://localhost.
  mediaUrls: vine
    .array(
      vine
        .string()
        .url({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
    )
    .maxLength(10)
    .optional(),
})

/** The texts the carrier took for a phone (the fake plugin's `lookupSent`). */
export const carrierLookupValidator = vine.create({
  to: phone(),
  from: phone().optional(),
  since: vine.date({ formats: { utc: true } }),
})

/** A fake phone texting the organization (Phones page). */
/** Largest picture a fake phone sends (a phone camera's, before the carrier shrinks it). */
export const MAX_PHONE_PICTURE = '10mb'

export const phoneTextValidator = vine.create({
  phone: phone(),
  to: phone(),
  body: body().trim().minLength(1),
  picture: vine.file({ size: MAX_PHONE_PICTURE }).optional(),
})
