/**
 * The segment builder's editable tree, and its conversion to and from the
 * API's definition language (`{"all"|"any": [...]}` of `{field, op, value}`).
 * The server checks every definition; this only shapes what people pick.
 */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json }
export type Definition = { [mode: string]: Json }

export type Choice = { id: number; name: string }
export type Choices = { lists: Choice[]; tags: Choice[]; customFields: string[] }

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
}
export type GroupNode = { key: number; kind: 'group'; mode: 'all' | 'any'; children: Node[] }
export type Node = ConditionNode | GroupNode

export const OTHER_CUSTOM_FIELD = '__other'
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

let nextKey = 1

export function kindOf(field: string): 'text' | 'list' | 'tag' | 'optedOut' {
  return field === 'list' || field === 'tag' || field === 'optedOut' ? field : 'text'
}

export function opsFor(field: string) {
  const kind = kindOf(field)
  if (kind === 'optedOut') return ['eq']
  return kind === 'text' ? TEXT_OPS : MEMBERSHIP_OPS
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

function toCondition(node: ConditionNode): Json {
  const field =
    node.field === OTHER_CUSTOM_FIELD ? `customFields.${node.header.trim()}` : node.field
  const kind = kindOf(node.field)
  const many = node.op === 'in' || node.op === 'notIn'
  let value: Json
  if (node.op === 'exists' || kind === 'optedOut') value = node.flag
  else if (kind !== 'text') value = many ? node.ids : (node.ids[0] ?? null)
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
  const node = newCondition(raw)
  node.op = String(item.op ?? 'eq')
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
