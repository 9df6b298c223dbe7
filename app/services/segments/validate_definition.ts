import { errors } from '@vinejs/vine'
import ContactList from '#models/contact_list'
import Tag from '#models/tag'
import {
  type Scalar,
  type SegmentGroup,
  type SegmentIssue,
  type SegmentNode,
  checkDefinition,
  childrenOf,
  isGroup,
} from '#services/segments/definition'

type Reference = { kind: 'list' | 'tag'; value: Scalar; path: string }

/**
 * Checks an untrusted definition for one organization: its shape, fields,
 * operators and values, then that every list and tag it names exists there.
 * Throws a validation error (422 on the API, field errors on pages) listing
 * every problem; returns the definition, now typed, when there is none.
 */
export async function validateDefinition(
  organizationId: number,
  input: unknown,
  path = 'definition'
): Promise<SegmentGroup> {
  const issues = checkDefinition(input, path)
  if (!issues.length) {
    issues.push(...(await unknownReferences(organizationId, input as SegmentGroup, path)))
  }
  if (issues.length) throw new errors.E_VALIDATION_ERROR(issues)
  return input as SegmentGroup
}

async function unknownReferences(organizationId: number, definition: SegmentGroup, path: string) {
  const references: Reference[] = []
  collectReferences(definition, path, references)
  const issues: SegmentIssue[] = []
  for (const kind of ['list', 'tag'] as const) {
    const wanted = references.filter((reference) => reference.kind === kind)
    if (!wanted.length) continue
    const known = await (kind === 'list' ? ContactList : Tag)
      .forOrganization(organizationId)
      .where((query) => {
        query.whereIn('id', numbers(wanted)).orWhereIn(
          'name',
          wanted.map((reference) => String(reference.value))
        )
      })
      .select('id', 'name')
    for (const reference of wanted) {
      // Names compare as the database does on MySQL (case-insensitively).
      const found = known.some((row) =>
        typeof reference.value === 'number'
          ? row.id === reference.value
          : row.name.toLowerCase() === String(reference.value).toLowerCase()
      )
      if (!found) {
        issues.push({
          field: reference.path,
          rule: 'exists',
          message: `There is no ${kind} ${JSON.stringify(reference.value)} in this organization`,
        })
      }
    }
  }
  return issues
}

function collectReferences(node: SegmentNode, path: string, into: Reference[]) {
  if (isGroup(node)) {
    const key = 'all' in node ? 'all' : 'any'
    childrenOf(node).forEach((child, index) =>
      collectReferences(child, `${path}.${key}.${index}`, into)
    )
    return
  }
  if ((node.field !== 'list' && node.field !== 'tag') || node.op === 'exists') return
  const kind = node.field
  if (Array.isArray(node.value)) {
    node.value.forEach((value, index) => into.push({ kind, value, path: `${path}.value.${index}` }))
  } else {
    into.push({ kind, value: node.value as Scalar, path: `${path}.value` })
  }
}

function numbers(references: Reference[]) {
  return references
    .map((reference) => reference.value)
    .filter((value): value is number => typeof value === 'number')
}
