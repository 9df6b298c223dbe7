/**
 * The segment builder's editable tree, and its conversion to and from the
 * API's definition language (`{"all"|"any": [...]}` of `{field, op, value}`).
 * The server checks every definition; this only shapes what people pick.
 */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json }
export type Definition = { [mode: string]: Json }

export type Choice = { id: number; name: string }
/** A campaign the history conditions may name, with its survey's questions and their answers. */
export type CampaignChoice = {
  id: number
  name: string
  questions: { id: number; question: string; answers: { id: number; answer: string }[] }[]
}
export type Choices = {
  lists: Choice[]
  tags: Choice[]
  customFields: string[]
  campaigns: CampaignChoice[]
}

export type ConditionNode = {
  key: number
  kind: 'condition'
  /** A field name of the language, or OTHER_CUSTOM_FIELD with `header` typed in. */
  field: string
  header: string
  op: string
  /** Text values; for "one of" several, separated by commas. */
  text: string
  /** Chosen lists or tags. */
  ids: number[]
  /** exists: is set / is not set; optedOut: yes / no. */
  flag: boolean
  /** Campaign history (field HISTORY_FIELD): which campaign ('any' or an id), what of it. */
  campaign: string
  attribute: string
  questionId: number | null
  /** Chosen statuses or delivery outcomes. */
  names: string[]
}
export type GroupNode = { key: number; kind: 'group'; mode: 'all' | 'any'; children: Node[] }
export type Node = ConditionNode | GroupNode

export const OTHER_CUSTOM_FIELD = '__other'
export const HISTORY_FIELD = '__history'
export const MAX_DEPTH = 6

export const OP_LABELS: Record<string, string> = {
  eq: 'is',
  neq: 'is not',
  in: 'is one of',
  notIn: 'is none of',
  contains: 'contains',
  exists: 'is filled in',
  gt: 'is more than',
  lt: 'is less than',
}

const TEXT_OPS = ['eq', 'neq', 'in', 'notIn', 'contains', 'exists', 'gt', 'lt']
const MEMBERSHIP_OPS = ['eq', 'neq', 'in', 'notIn', 'exists']

export const BASE_FIELDS = [
  { value: 'firstName', label: 'First name' },
  { value: 'lastName', label: 'Last name' },
  { value: 'zip', label: 'ZIP' },
  { value: 'state', label: 'State' },
  { value: 'timezone', label: 'Time zone' },
  { value: 'list', label: 'List' },
  { value: 'tag', label: 'Tag' },
  { value: 'optedOut', label: 'Opted out' },
]

/** What a campaign history condition reads; clicks are on the campaign's tracked links. */
export const HISTORY_ATTRIBUTES = [
  { value: 'status', label: 'Conversation', ops: ['eq', 'neq', 'in', 'notIn'] },
  { value: 'survey', label: 'Survey answer', ops: MEMBERSHIP_OPS },
  { value: 'delivery', label: 'First text', ops: ['eq', 'neq', 'in', 'notIn'] },
  { value: 'tag', label: 'Conversation tag', ops: MEMBERSHIP_OPS },
  { value: 'texted_within_days', label: 'Texted in the last … days', ops: ['eq', 'neq'] },
  { value: 'replied_within_days', label: 'Replied in the last … days', ops: ['eq', 'neq'] },
  { value: 'clicked', label: 'Clicked a tracked link', ops: ['eq'] },
]

export const HISTORY_STATUSES = [
  { value: 'needs_message', label: 'not texted yet' },
  { value: 'messaged', label: 'texted' },
  { value: 'replied', label: 'wrote back' },
  { value: 'not_replied', label: 'texted, never wrote back' },
  { value: 'opted_out', label: 'opted out' },
  { value: 'closed', label: 'closed' },
]

export const DELIVERY_OUTCOMES = [
  { value: 'delivered', label: 'delivered' },
  { value: 'failed', label: 'failed (any reason)' },
  { value: 'failed.landline', label: 'failed: landline' },
  { value: 'failed.invalid', label: 'failed: invalid number' },
  { value: 'failed.carrier_filtered', label: 'failed: filtered by the carrier' },
  { value: 'failed.carrier_opt_out', label: 'failed: opted out at the carrier' },
  { value: 'failed.opted_out', label: 'failed: opted out meanwhile' },
  { value: 'failed.texting_hours', label: 'failed: outside texting hours' },
  { value: 'failed.other', label: 'failed: other' },
]

const HISTORY = /^(?:campaign\.(\d+)|campaigns\.any)\.([a-z_]+)(?:\.(\d+))?$/

let nextKey = 1

export function kindOf(field: string): 'text' | 'list' | 'tag' | 'optedOut' | 'history' {
  if (field === HISTORY_FIELD) return 'history'
  return field === 'list' || field === 'tag' || field === 'optedOut' ? field : 'text'
}

export function opsFor(node: ConditionNode) {
  const kind = kindOf(node.field)
  if (kind === 'optedOut') return ['eq']
  if (kind === 'history') {
    return HISTORY_ATTRIBUTES.find((item) => item.value === node.attribute)?.ops ?? ['eq']
  }
  return kind === 'text' ? TEXT_OPS : MEMBERSHIP_OPS
}

/** The questions a survey condition may name: the campaign's, or every campaign's. */
export function questionsFor(node: ConditionNode, campaigns: CampaignChoice[]) {
  return campaigns
    .filter((campaign) => node.campaign === 'any' || String(campaign.id) === node.campaign)
    .flatMap((campaign) =>
      campaign.questions.map((question) => ({
        ...question,
        label:
          node.campaign === 'any' ? `${campaign.name}: ${question.question}` : question.question,
      }))
    )
}

export function newCondition(field = 'firstName'): ConditionNode {
  return {
    key: nextKey++,
    kind: 'condition',
    field,
    header: '',
    op: 'eq',
    text: '',
    ids: [],
    flag: true,
    campaign: 'any',
    attribute: 'status',
    questionId: null,
    names: [],
  }
}

export function newGroup(mode: 'all' | 'any' = 'all', children: Node[] = []): GroupNode {
  return { key: nextKey++, kind: 'group', mode, children }
}

export function toDefinition(group: GroupNode): Definition {
  return {
    [group.mode]: group.children.map((child) =>
      child.kind === 'group' ? toDefinition(child) : toCondition(child)
    ),
  }
}

function historyField(node: ConditionNode) {
  const campaign = node.campaign === 'any' ? 'campaigns.any' : `campaign.${node.campaign}`
  const question = node.attribute === 'survey' ? `.${node.questionId ?? ''}` : ''
  return `${campaign}.${node.attribute}${question}`
}

function toCondition(node: ConditionNode): Json {
  const field =
    node.field === OTHER_CUSTOM_FIELD
      ? `customFields.${node.header.trim()}`
      : node.field === HISTORY_FIELD
        ? historyField(node)
        : node.field
  const kind = kindOf(node.field)
  const many = node.op === 'in' || node.op === 'notIn'
  let value: Json
  if (node.op === 'exists' || kind === 'optedOut' || isClicked(node)) value = node.flag
  else if (kind === 'history' && (node.attribute === 'status' || node.attribute === 'delivery')) {
    value = many ? node.names : (node.names[0] ?? null)
  } else if (kind === 'history' && node.attribute.endsWith('_within_days')) {
    // A number input's model is a number already.
    const days = String(node.text).trim()
    value = /^\d+$/.test(days) ? Number(days) : days
  } else if (kind !== 'text') value = many ? node.ids : (node.ids[0] ?? null)
  else if (many)
    value = node.text
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean)
  else if ((node.op === 'gt' || node.op === 'lt') && /^-?\d+(\.\d+)?$/.test(node.text.trim())) {
    value = Number(node.text.trim())
  } else value = node.text
  return { field, op: node.op, value }
}

/** A saved definition back into the editable tree (lists and tags named by id or name). */
export function fromDefinition(definition: unknown, choices: Choices): GroupNode {
  const group = definition as Record<string, unknown[]>
  const mode = 'any' in group ? 'any' : 'all'
  return newGroup(
    mode,
    (group[mode] ?? []).map((child) => {
      const item = child as Record<string, unknown>
      return 'all' in item || 'any' in item
        ? fromDefinition(item, choices)
        : fromCondition(item, choices)
    })
  )
}

function fromCondition(item: Record<string, unknown>, choices: Choices): ConditionNode {
  const raw = String(item.field ?? '')
  const history = HISTORY.exec(raw)
  const node = newCondition(history ? HISTORY_FIELD : raw)
  node.op = String(item.op ?? 'eq')
  if (history) return fromHistory(node, history, item.value, choices)
  if (raw.startsWith('customFields.') && !choices.customFields.includes(raw.slice(13))) {
    node.field = OTHER_CUSTOM_FIELD
    node.header = raw.slice(13)
  }
  const values = Array.isArray(item.value) ? item.value : [item.value]
  if (typeof item.value === 'boolean') node.flag = item.value
  else if (raw === 'list' || raw === 'tag') {
    const known = raw === 'list' ? choices.lists : choices.tags
    node.ids = values
      .map((value) => known.find((choice) => choice.id === value || choice.name === value)?.id)
      .filter((id): id is number => id !== undefined)
  } else node.text = values.map((value) => String(value ?? '')).join(', ')
  return node
}

/** A "clicked a tracked link" condition: yes or no. */
export function isClicked(node: ConditionNode) {
  return kindOf(node.field) === 'history' && node.attribute === 'clicked'
}

function fromHistory(
  node: ConditionNode,
  [, campaign, attribute, question]: RegExpExecArray,
  value: unknown,
  choices: Choices
) {
  node.campaign = campaign ?? 'any'
  node.attribute = attribute
  node.questionId = question ? Number(question) : null
  const values = Array.isArray(value) ? value : [value]
  if (typeof value === 'boolean') node.flag = value
  else if (attribute === 'status' || attribute === 'delivery') node.names = values.map(String)
  else if (attribute === 'survey') node.ids = values.map(Number)
  else if (attribute === 'tag') {
    node.ids = values
      .map((item) => choices.tags.find((tag) => tag.id === item || tag.name === item)?.id)
      .filter((id): id is number => id !== undefined)
  } else node.text = String(value ?? '')
  return node
}
