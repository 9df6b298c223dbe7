import vine from '@vinejs/vine'

// Empty inputs arrive as null (the body parser converts empty strings).
const fields = () =>
  vine.record(vine.string().trim().maxLength(2000).nullable().optional()).optional()

export const integrationAccountValidator = vine.create({
  plugin: vine.string().trim().maxLength(40).optional(),
  name: vine.string().trim().minLength(1).maxLength(120),
  credentials: fields(),
  settings: fields(),
  enabled: vine.boolean().optional(),
  importKind: vine.enum(['list', 'form']).nullable().optional(),
  importSourceId: vine.string().trim().maxLength(120).nullable().optional(),
  importListId: vine.number().withoutDecimals().positive().nullable().optional(),
  importEveryMinutes: vine.number().withoutDecimals().range([15, 10_080]).nullable().optional(),
})

const remoteId = vine.string().trim().maxLength(120).nullable().optional()

export const campaignMappingValidator = vine.create({
  questions: vine.record(remoteId).optional(),
  answers: vine.record(remoteId).optional(),
  tags: vine.record(remoteId).optional(),
  wrongNumberTagId: vine.number().withoutDecimals().positive().nullable().optional(),
  textedId: remoteId,
})
