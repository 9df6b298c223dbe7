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

export type SegmentIssue = { message: string; field: string; rule: string }

/** What a field is, which decides the operators and values it takes. */
export type FieldKind =
  | { kind: 'text'; column: string }
  | { kind: 'custom'; header: string }
  | { kind: 'list' }
  | { kind: 'tag' }
  | { kind: 'optedOut' }

const KNOWN_FIELDS = [
  ...Object.keys(TEXT_FIELDS),
  'list',
  'tag',
  'optedOut',
  'customFields.<header>',
]

const OPS_BY_KIND: Record<FieldKind['kind'], readonly SegmentOp[]> = {
  text: SEGMENT_OPS,
  custom: SEGMENT_OPS,
  list: ['eq', 'neq', 'in', 'notIn', 'exists'],
  tag: ['eq', 'neq', 'in', 'notIn', 'exists'],
  optedOut: ['eq', 'neq'],
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
  return null
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

  issue(field: string, rule: string, message: string) {
    this.issues.push({ field, rule, message })
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
      this.issue(path, 'conditions', `A segment may have at most ${LIMITS.conditions} conditions`)
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
    const allowed = OPS_BY_KIND[kind.kind]
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
      `A segment may list at most ${count(LIMITS.totalValues)} values in all; this one lists ${count(this.#values)}. Use a list or a tag for large sets of contacts.`
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
    if (field.startsWith('campaign.')) {
      this.issue(
        path,
        'notAvailable',
        `Campaign history conditions ("${field}") are not available yet`
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
      if (typeof value !== 'boolean') this.issue(path, 'boolean', 'The value must be true or false')
      return
    }
    const isReference = kind.kind === 'list' || kind.kind === 'tag'
    const check = (item: unknown, itemPath: string) =>
      isReference ? this.reference(item, itemPath) : this.scalar(item, op, itemPath)

    if (op === 'in' || op === 'notIn') {
      if (!Array.isArray(value) || value.length === 0 || value.length > LIMITS.values) {
        return this.issue(
          path,
          'array',
          `The value must be a list of 1 to ${LIMITS.values} values for "${op}"`
        )
      }
      this.#values += value.length
      return value.forEach((item, index) => check(item, `${path}.${index}`))
    }
    this.#values++
    check(value, path)
  }

  scalar(value: unknown, op: SegmentOp, path: string) {
    if (value === null || value === undefined) return this.issue(path, 'required', 'Enter a value')
    if (typeof value === 'number' && Number.isFinite(value)) return
    if (typeof value === 'string' && value.length <= LIMITS.text) {
      if (op === 'contains' && value === '') {
        this.issue(path, 'required', 'Say what the field should contain')
      }
      return
    }
    this.issue(
      path,
      'scalar',
      `The value must be a number or a text of at most ${LIMITS.text} characters`
    )
  }

  reference(value: unknown, path: string) {
    if (value === null || value === undefined) return this.issue(path, 'required', 'Choose one')
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) return
    if (typeof value === 'string' && value.trim() && value.length <= LIMITS.header) return
    this.issue(path, 'reference', 'The value must be an id (number) or a name (text)')
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
