import type { Phrase } from '#exceptions/refusal_wording'
import type { WordedIssue } from '#exceptions/worded_issues'
/**
 * The segment language of the API ("Segment definitions" in the API docs):
 * `{"all":[...]}` or `{"any":[...]}` of conditions `{"field","op","value"}`,
 * nestable. This module checks an untrusted definition strictly and says
 * exactly what is wrong and where, so the compiler only ever sees valid input.
 */

export const SEGMENT_OPS = ['eq', 'neq', 'in', 'notIn', 'contains', 'exists', 'gt', 'lt'] as const
export type SegmentOp = (typeof SEGMENT_OPS)[number]

/** Contact columns a condition may name, and the column each one reads. */
export const TEXT_FIELDS = {
  firstName: 'first_name',
  lastName: 'last_name',
  zip: 'zip',
  state: 'state',
  timezone: 'timezone',
} as const
export type TextField = keyof typeof TEXT_FIELDS

export const CUSTOM_FIELD_PREFIX = 'customFields.'

export type Scalar = string | number
/** Checked: a boolean for exists and optedOut, a list for in/notIn, a scalar otherwise. */
export type SegmentValue = Scalar | boolean | Scalar[]
export type SegmentCondition = { field: string; op: SegmentOp; value: SegmentValue }
export type SegmentGroup = { all: SegmentNode[] } | { any: SegmentNode[] }
export type SegmentNode = SegmentGroup | SegmentCondition

export type SegmentIssue = WordedIssue

/** What a field is, which decides the operators and values it takes. */
export type FieldKind =
  | { kind: 'text'; column: string }
  | { kind: 'custom'; header: string }
  | { kind: 'list' }
  | { kind: 'tag' }
  | { kind: 'optedOut' }
  | HistoryKind

/**
 * Campaign history: what happened to the contact in one campaign of the
 * organization (`campaign.<id>.…`, campaignId set) or in any of them
 * (`campaigns.any.…`, campaignId null).
 */
export type HistoryKind = {
  kind: 'history'
  campaignId: number | null
  attribute: HistoryAttribute
  /** The question step of a `survey.<questionId>` condition. */
  questionId: number | null
}

export const HISTORY_ATTRIBUTES = [
  'status',
  'survey',
  'delivery',
  'tag',
  'texted_within_days',
  'replied_within_days',
  'clicked',
] as const
export type HistoryAttribute = (typeof HISTORY_ATTRIBUTES)[number]

/** `replied`: wrote back at least once (a STOP included); `not_replied`: texted, never wrote back. */
export const HISTORY_STATUSES = [
  'needs_message',
  'messaged',
  'replied',
  'not_replied',
  'opted_out',
  'closed',
] as const
export type HistoryStatus = (typeof HISTORY_STATUSES)[number]

/** Why a first text failed, as campaign contacts store it (`failure_reason`). */
export const FAILURE_REASONS = [
  'landline',
  'invalid',
  'carrier_filtered',
  'carrier_opt_out',
  'other',
  'opted_out',
  'texting_hours',
] as const
export const DELIVERY_VALUES = [
  'delivered',
  'failed',
  ...FAILURE_REASONS.map((reason) => `failed.${reason}`),
]

const HISTORY_FIELD =
  /^(?:campaign\.([1-9]\d{0,9})|campaigns\.any)\.([a-z_]+)(?:\.([1-9]\d{0,9}))?$/

const KNOWN_FIELDS = [
  ...Object.keys(TEXT_FIELDS),
  'list',
  'tag',
  'optedOut',
  'customFields.<header>',
  'campaign.<id>.<status|survey.<questionId>|delivery|tag|texted_within_days|replied_within_days|clicked>',
  'campaigns.any.<…>',
]

const CHOICE_OPS: readonly SegmentOp[] = ['eq', 'neq', 'in', 'notIn']
const REFERENCE_OPS: readonly SegmentOp[] = [...CHOICE_OPS, 'exists']

const OPS_BY_KIND: Record<Exclude<FieldKind['kind'], 'history'>, readonly SegmentOp[]> = {
  text: SEGMENT_OPS,
  custom: SEGMENT_OPS,
  list: REFERENCE_OPS,
  tag: REFERENCE_OPS,
  optedOut: ['eq', 'neq'],
}

/** `texted_within_days eq 30`: texted in the last 30 days; `neq`: not. */
const OPS_BY_ATTRIBUTE: Record<HistoryAttribute, readonly SegmentOp[]> = {
  status: CHOICE_OPS,
  survey: REFERENCE_OPS,
  delivery: CHOICE_OPS,
  tag: REFERENCE_OPS,
  texted_within_days: ['eq', 'neq'],
  replied_within_days: ['eq', 'neq'],
  clicked: ['eq', 'neq', 'exists'],
}

export function opsFor(kind: FieldKind): readonly SegmentOp[] {
  return kind.kind === 'history' ? OPS_BY_ATTRIBUTE[kind.attribute] : OPS_BY_KIND[kind.kind]
}

/**
 * `totalValues` keeps every query a definition compiles to well under the
 * number of values one SQL statement may carry (32,766 on SQLite).
 */
export const LIMITS = {
  depth: 6,
  conditions: 100,
  values: 1000,
  totalValues: 10_000,
  text: 500,
  header: 120,
  days: 3650,
}

/** NUL, line breaks and other control characters (C0 and DEL): no field is named with them. */
const hasControlCharacter = (text: string) =>
  [...text].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)

export function isGroup(node: SegmentNode): node is SegmentGroup {
  return 'all' in node || 'any' in node
}

export function childrenOf(group: SegmentGroup): SegmentNode[] {
  return 'all' in group ? group.all : group.any
}

/**
 * What a (valid) field name refers to; null for a name the language lacks.
 */
export function fieldKind(field: string): FieldKind | null {
  if (Object.hasOwn(TEXT_FIELDS, field)) {
    return { kind: 'text', column: TEXT_FIELDS[field as TextField] }
  }
  if (field === 'list' || field === 'tag' || field === 'optedOut') return { kind: field }
  if (field.startsWith(CUSTOM_FIELD_PREFIX)) {
    return { kind: 'custom', header: field.slice(CUSTOM_FIELD_PREFIX.length) }
  }
  return historyKind(field)
}

function historyKind(field: string): HistoryKind | null {
  const match = HISTORY_FIELD.exec(field)
  if (!match) return null
  const [, campaign, attribute, question] = match
  if (!(HISTORY_ATTRIBUTES as readonly string[]).includes(attribute)) return null
  // Only a survey condition names a question, and it must.
  if ((attribute === 'survey') !== (question !== undefined)) return null
  return {
    kind: 'history',
    campaignId: campaign ? Number(campaign) : null,
    attribute: attribute as HistoryAttribute,
    questionId: question ? Number(question) : null,
  }
}

/**
 * Checks a definition and lists every problem found, each with the path of
 * the offending part (`definition.all.0.op`).
 */
export function checkDefinition(input: unknown, path = 'definition'): SegmentIssue[] {
  const checker = new DefinitionChecker()
  if (!isPlainObject(input) || !('all' in input || 'any' in input)) {
    checker.issue(path, 'group', 'The definition must be {"all":[...]} or {"any":[...]}')
  } else {
    checker.group(input, path, 1)
    checker.totalValues(path)
  }
  return checker.issues
}

class DefinitionChecker {
  issues: SegmentIssue[] = []
  #conditions = 0
  #values = 0

  /** `phrase` (a `segments.problems.*` key) where a person using the builder can meet it. */
  issue(field: string, rule: string, message: string, phrase?: Phrase) {
    this.issues.push(phrase ? { field, rule, message, phrase } : { field, rule, message })
  }

  group(node: Record<string, unknown>, path: string, depth: number) {
    const keys = Object.keys(node)
    if (keys.length !== 1) {
      return this.issue(path, 'group', 'A group has exactly one key, "all" or "any"')
    }
    if (depth > LIMITS.depth) {
      return this.issue(path, 'depth', `Groups may be nested at most ${LIMITS.depth} deep`)
    }
    const key = keys[0]
    const children = node[key]
    if (!Array.isArray(children)) {
      return this.issue(`${path}.${key}`, 'array', `"${key}" must be a list of conditions`)
    }
    children.forEach((child, index) => this.node(child, `${path}.${key}.${index}`, depth))
  }

  node(node: unknown, path: string, depth: number) {
    if (isPlainObject(node) && ('all' in node || 'any' in node)) {
      return this.group(node, path, depth + 1)
    }
    if (isPlainObject(node) && 'field' in node) return this.condition(node, path)
    this.issue(
      path,
      'node',
      'Each entry is a group ({"all":[...]} or {"any":[...]}) or a condition ({"field","op","value"})'
    )
  }

  condition(node: Record<string, unknown>, path: string) {
    this.#conditions++
    if (this.#conditions === LIMITS.conditions + 1) {
      this.issue(path, 'conditions', `A segment may have at most ${LIMITS.conditions} conditions`, {
        key: 'segments.problems.tooManyConditions',
        values: { max: LIMITS.conditions },
      })
    }
    const extra = Object.keys(node).filter((key) => !['field', 'op', 'value'].includes(key))
    if (extra.length) {
      this.issue(path, 'keys', `Unexpected key "${extra[0]}": a condition has field, op and value`)
    }

    const kind = this.field(node.field, `${path}.field`)
    const op = node.op
    if (typeof op !== 'string' || !(SEGMENT_OPS as readonly string[]).includes(op)) {
      return this.issue(
        `${path}.op`,
        'op',
        `Unknown operator ${JSON.stringify(op ?? null)}. Operators: ${SEGMENT_OPS.join(', ')}`
      )
    }
    if (!kind) return
    const allowed = opsFor(kind)
    if (!allowed.includes(op as SegmentOp)) {
      return this.issue(
        `${path}.op`,
        'op',
        `The operator "${op}" does not apply to ${node.field}; use one of ${allowed.join(', ')}`
      )
    }
    this.value(kind, op as SegmentOp, node.value, `${path}.value`)
  }

  totalValues(path: string) {
    if (this.#values <= LIMITS.totalValues) return
    const count = (n: number) => n.toLocaleString('en-US')
    this.issue(
      path,
      'values',
      `A segment may list at most ${count(LIMITS.totalValues)} values in all; this one lists ${count(this.#values)}. Use a list or a tag for large sets of contacts.`,
      {
        key: 'segments.problems.tooManyValues',
        values: { max: LIMITS.totalValues, count: this.#values },
      }
    )
  }

  field(field: unknown, path: string): FieldKind | null {
    if (typeof field !== 'string') {
      this.issue(path, 'field', 'The field must be a string')
      return null
    }
    if (hasControlCharacter(field)) {
      this.issue(
        path,
        'field',
        'A field name cannot contain control characters such as line breaks or NUL'
      )
      return null
    }
    const kind = fieldKind(field)
    if (!kind) {
      this.issue(path, 'field', `Unknown field "${field}". Fields: ${KNOWN_FIELDS.join(', ')}`)
      return null
    }
    if (kind.kind === 'custom') {
      const { header } = kind
      if (!header.trim() || header.length > LIMITS.header || /["\\]/.test(header)) {
        this.issue(
          path,
          'field',
          `A custom field is named "customFields.<column header>" (at most ${LIMITS.header} characters, without quotes or backslashes)`
        )
        return null
      }
    }
    return kind
  }

  value(kind: FieldKind, op: SegmentOp, value: unknown, path: string) {
    if (op === 'exists' || kind.kind === 'optedOut') {
      if (typeof value !== 'boolean') this.trueOrFalse(path)
      return
    }
    const check = (item: unknown, itemPath: string) => this.item(kind, op, item, itemPath)

    if (op === 'in' || op === 'notIn') {
      if (!Array.isArray(value) || value.length === 0 || value.length > LIMITS.values) {
        return this.issue(
          path,
          'array',
          `The value must be a list of 1 to ${LIMITS.values} values for "${op}"`,
          { key: 'segments.problems.listSize', values: { max: LIMITS.values } }
        )
      }
      this.#values += value.length
      return value.forEach((item, index) => check(item, `${path}.${index}`))
    }
    this.#values++
    check(value, path)
  }

  item(kind: FieldKind, op: SegmentOp, value: unknown, path: string) {
    if (kind.kind === 'list' || kind.kind === 'tag') return this.reference(value, path)
    if (kind.kind !== 'history') return this.scalar(value, op, path)
    switch (kind.attribute) {
      case 'tag':
        return this.reference(value, path)
      case 'survey':
        return this.id(value, path)
      case 'status':
        return this.choice(value, HISTORY_STATUSES, path)
      case 'delivery':
        return this.choice(value, DELIVERY_VALUES, path)
      case 'clicked':
        if (typeof value !== 'boolean') this.trueOrFalse(path)
        return
      default:
        if (typeof value === 'number' && Number.isInteger(value) && value >= 1) {
          if (value <= LIMITS.days) return
        }
        this.issue(path, 'days', `The value must be a number of days from 1 to ${LIMITS.days}`, {
          key: 'segments.problems.days',
          values: { max: LIMITS.days },
        })
    }
  }

  choice(value: unknown, allowed: readonly string[], path: string) {
    if (typeof value === 'string' && allowed.includes(value)) return
    this.issue(path, 'choice', `The value must be one of ${allowed.join(', ')}`, {
      key: 'segments.problems.choice',
      values: { choices: allowed.join(', ') },
    })
  }

  id(value: unknown, path: string) {
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) return
    this.issue(path, 'id', 'The value must be the id of one of the question’s answers', {
      key: 'segments.problems.answerId',
    })
  }

  trueOrFalse(path: string) {
    this.issue(path, 'boolean', 'The value must be true or false', {
      key: 'segments.problems.trueOrFalse',
    })
  }

  scalar(value: unknown, op: SegmentOp, path: string) {
    if (value === null || value === undefined) {
      return this.issue(path, 'required', 'Enter a value', { key: 'segments.problems.enterValue' })
    }
    if (typeof value === 'number' && Number.isFinite(value)) return
    if (typeof value === 'string' && value.length <= LIMITS.text) {
      if (op === 'contains' && value === '') {
        this.issue(path, 'required', 'Say what the field should contain', {
          key: 'segments.problems.sayContains',
        })
      }
      return
    }
    this.issue(
      path,
      'scalar',
      `The value must be a number or a text of at most ${LIMITS.text} characters`,
      { key: 'segments.problems.textTooLong', values: { max: LIMITS.text } }
    )
  }

  reference(value: unknown, path: string) {
    if (value === null || value === undefined) {
      return this.issue(path, 'required', 'Choose one', { key: 'segments.problems.chooseOne' })
    }
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) return
    if (typeof value === 'string' && value.trim() && value.length <= LIMITS.header) return
    this.issue(path, 'reference', 'The value must be an id (number) or a name (text)', {
      key: 'segments.problems.reference',
    })
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
