import vine from '@vinejs/vine'
import { US_STATES } from '#services/texting_hours/rules'

const clock = () => vine.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)

/** The texting hours settings page: the state rules switch and the whole rules table. */
export const textingHourRulesValidator = vine.create({
  stateRules: vine.boolean(),
  rules: vine
    .array(
      vine.object({
        state: vine
          .string()
          .trim()
          .toUpperCase()
          .in([...US_STATES]),
        start: clock(),
        end: clock(),
        enabled: vine.boolean(),
      })
    )
    .maxLength(US_STATES.length)
    .distinct('state'),
})
