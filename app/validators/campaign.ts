import { type WordedIssue, wordedIssue } from '#exceptions/worded_issues'
import vine, { errors } from '@vinejs/vine'
import { FOLLOW_UP_CONDITIONS } from '#models/follow_up_step'
import type { SurveyAnswer, SurveyStep } from '#services/campaigns/survey_tree'

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/

const clock = () => vine.string().trim().regex(CLOCK)

/** A window that starts before it ends ("HH:MM" strings compare as times). */
const startsBeforeEnd = vine.createRule((value, _options, field) => {
  const window = value as { start?: unknown; end?: unknown } | null
  const clockText = (text: unknown) => typeof text === 'string' && CLOCK.test(text)
  // A malformed time is reported on its own field.
  if (!window || !clockText(window.start) || !clockText(window.end)) return
  if ((window.start as string) >= (window.end as string)) {
    field.report('The window must end after it starts', 'startsBeforeEnd', field)
  }
})

const id = () => vine.number().withoutDecimals().positive()

/** Most pictures one text carries (what every provider takes). */
export const MAX_PICTURES_PER_TEXT = 10

/** Library pictures sent with a text, in order (checked to be the organization's by the action). */
export const mediaIds = () =>
  vine.array(id()).maxLength(MAX_PICTURES_PER_TEXT).distinct().optional()

/** Lists ∪ a segment, minus excluded lists and (optionally) people texted lately. */
const audienceSchema = () =>
  vine.object({
    listIds: vine.array(id()).maxLength(100).distinct().optional(),
    segmentId: id().nullable().optional(),
    excludeListIds: vine.array(id()).maxLength(100).distinct().optional(),
    excludeRecentDays: vine.number().withoutDecimals().range([1, 365]).nullable().optional(),
  })

/**
 * A campaign as the API and the builder send it. The survey tree (`steps`)
 * is recursive, so it is checked by `checkSurvey` with the same error shape.
 * Everything a launch needs but a draft may still lack (a provider account,
 * an audience) is optional here and reported as a launch blocker instead.
 */
export const campaignValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(120),
  purpose: vine.string().trim().maxLength(2000).nullable().optional(),
  providerAccountId: id().nullable().optional(),
  senderNumbers: vine
    .array(
      vine
        .string()
        .trim()
        .regex(/^\+[1-9]\d{6,14}$/)
    )
    .maxLength(1000)
    .distinct()
    .optional(),
  audience: audienceSchema().optional(),
  script: vine.object({
    initial: vine
      .array(
        vine.object({
          body: vine.string().trim().minLength(1).maxLength(1600),
          weight: vine.number().withoutDecimals().range([1, 1000]).optional(),
          mediaIds: mediaIds(),
        })
      )
      .minLength(1)
      .maxLength(10),
    steps: vine.array(vine.any()).maxLength(10).optional(),
    followUps: vine
      .array(
        vine.object({
          afterHours: vine
            .number()
            .withoutDecimals()
            .range([1, 24 * 90]),
          when: vine.enum(FOLLOW_UP_CONDITIONS).optional(),
          variants: vine
            .array(
              vine.object({
                body: vine.string().trim().minLength(1).maxLength(1600),
                weight: vine.number().withoutDecimals().range([1, 1000]).optional(),
                mediaIds: mediaIds(),
              })
            )
            .minLength(1)
            .maxLength(10),
        })
      )
      .maxLength(5)
      .optional(),
    cannedResponses: vine
      .array(
        vine.object({
          title: vine.string().trim().minLength(1).maxLength(120),
          body: vine.string().trim().minLength(1).maxLength(1600),
          tags: vine
            .array(vine.string().trim().minLength(1).maxLength(40))
            .maxLength(20)
            .optional(),
          mediaIds: mediaIds(),
        })
      )
      .maxLength(100)
      .optional(),
  }),
  textingHours: vine
    .object({ start: clock(), end: clock() })
    .nullable()
    .optional()
    .use(startsBeforeEnd()),
  batchSize: vine.number().withoutDecimals().range([1, 1000]).optional(),
  maxContactsPerTexter: vine.number().withoutDecimals().range([1, 100000]).nullable().optional(),
  allowInitialEdit: vine.boolean().optional(),
  /** Omitted: the organization's "track links" setting for a new campaign, else unchanged. */
  trackLinks: vine.boolean().optional(),
})

export const copyCampaignValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(120).optional(),
})

export const audienceCountValidator = vine.create({
  audience: audienceSchema(),
})

const MAX_DEPTH = 10

/** The survey's texts, as problems name them. */
type SurveyText = 'question' | 'answer' | 'script'

/**
 * Checks the survey tree: every question and answer is non-empty text, every
 * answer list is an array, no deeper than ten questions. Returns it typed.
 */
export function checkSurvey(steps: unknown[]): SurveyStep[] {
  const problems: WordedIssue[] = []
  const text = (value: unknown, field: string, what: SurveyText, max: number) => {
    if (typeof value !== 'string' || !value.trim()) {
      problems.push(wordedIssue(field, 'required', 'refusals.fields.surveyEnter', { what }))
      return ''
    }
    if (value.length > max) {
      problems.push(wordedIssue(field, 'maxLength', 'refusals.fields.surveyTooLong', { what, max }))
    }
    return value.trim()
  }
  const step = (value: unknown, field: string, depth: number): SurveyStep => {
    const node = (value ?? {}) as Record<string, unknown>
    if (depth > MAX_DEPTH) {
      problems.push(wordedIssue(field, 'depth', 'refusals.fields.surveyTooDeep'))
      return { question: '', answers: [] }
    }
    const question = text(node.question, `${field}.question`, 'question', 1000)
    const answers = Array.isArray(node.answers) ? node.answers : []
    if (node.answers !== undefined && !Array.isArray(node.answers)) {
      problems.push(wordedIssue(`${field}.answers`, 'array', 'refusals.fields.answersList'))
    }
    return {
      question,
      answers: answers.map((raw, index): SurveyAnswer => {
        const answer = (raw ?? {}) as Record<string, unknown>
        const at = `${field}.answers.${index}`
        const script =
          answer.script === undefined || answer.script === null || answer.script === ''
            ? null
            : text(answer.script, `${at}.script`, 'script', 1600)
        return {
          answer: text(answer.answer, `${at}.answer`, 'answer', 255),
          script,
          next: answer.next ? step(answer.next, `${at}.next`, depth + 1) : null,
        }
      }),
    }
  }
  const checked = steps.map((value, index) => step(value, `script.steps.${index}`, 1))
  if (problems.length) throw new errors.E_VALIDATION_ERROR(problems)
  return checked
}

export const campaignPreviewValidator = vine.create({
  audience: audienceSchema(),
  trackLinks: vine.boolean().optional(),
  variants: vine
    .array(
      vine.object({
        body: vine.string().maxLength(1600),
        weight: vine.number().withoutDecimals().range([1, 1000]).optional(),
        mediaIds: mediaIds(),
      })
    )
    .minLength(1)
    .maxLength(10),
})

/** An organization-wide canned response (campaigns carry their own in their script). */
export const cannedResponseValidator = vine.create({
  title: vine.string().trim().minLength(1).maxLength(120),
  body: vine.string().trim().minLength(1).maxLength(1600),
  tags: vine.array(vine.string().trim().minLength(1).maxLength(40)).maxLength(20).optional(),
  mediaIds: mediaIds(),
})
