import {
  type Fragment,
  type SqlDialect,
  asNumber,
  escapeLike,
  join,
  jsonText,
  looksNumeric,
  raw,
  sql,
} from '#services/db/sql'
import {
  type FieldKind,
  type Scalar,
  type SegmentCondition,
  type SegmentGroup,
  type SegmentNode,
  childrenOf,
  fieldKind,
  isGroup,
} from '#services/segments/definition'
import { referencedIds } from '#services/segments/references'
import { foldHistory, historyCondition, isNegated } from '#services/segments/history'

const MATCH_ALL = raw('1 = 1')
const NUMBER = /^[+-]?\d+(\.\d+)?$/

/**
 * Compiles a checked definition (see `checkDefinition`) into one WHERE
 * condition over the `contacts` table. Semantics, the same on SQLite and MySQL:
 * - text comparisons ignore case (SQLite folds ASCII letters only);
 * - a missing field reads as empty text, so `neq`/`notIn` are the exact
 *   complement of `eq`/`in` and include contacts without the field;
 * - `gt`/`lt` compare numbers when the value is a number (or numeric text),
 *   skipping contacts whose field is not numeric; otherwise they compare text;
 * - `exists` means "has a non-empty value" (for lists and tags: is in any);
 * - an empty group places no restriction;
 * - campaign history conditions read the contact's campaign_contacts rows
 *   (see `history.ts`).
 * Lists, tags and opt-outs are read through uncorrelated `IN (subquery)`
 * conditions, which both databases evaluate once per query (a correlated
 * EXISTS is re-run for every contact: three times slower at a million rows).
 */
export function compileSegment(
  definition: SegmentGroup,
  context: { dialect: SqlDialect; organizationId: number }
): Fragment {
  return compileNode(definition, context)
}

type Context = Parameters<typeof compileSegment>[1]

function compileNode(node: SegmentNode, context: Context): Fragment {
  if (!isGroup(node)) return compileCondition(node, context)
  const isAll = 'all' in node
  const { folded, rest } = foldHistory(childrenOf(node), isAll, context.organizationId)
  const parts = [...rest.map((child) => compileNode(child, context)), ...folded]
  if (parts.length === 0) return MATCH_ALL
  return sql`(${join(parts, isAll ? ' AND ' : ' OR ')})`
}

function compileCondition(condition: SegmentCondition, context: Context) {
  const { field, op, value } = condition
  const { dialect, organizationId } = context
  const kind = fieldKind(field) as FieldKind
  if (kind.kind === 'history') return historyCondition(kind, condition, organizationId)
  if (kind.kind === 'optedOut') {
    const optedOut = sql`contacts.phone IN (SELECT oo.phone FROM opt_outs oo WHERE oo.organization_id = ${organizationId})`
    return (op === 'eq') === value ? optedOut : sql`NOT (${optedOut})`
  }

  // Negative operators are the complement of their positive twin.
  const negated = isNegated(condition)
  const values = (Array.isArray(value) ? value : [value]) as Scalar[]
  const positive =
    kind.kind === 'list' || kind.kind === 'tag'
      ? membership(kind.kind, op === 'exists' ? null : values, organizationId)
      : textCondition(valueOf(kind, dialect), op, values, dialect)
  return negated ? sql`NOT (${positive})` : positive
}

function valueOf(kind: FieldKind, dialect: SqlDialect) {
  return kind.kind === 'custom'
    ? jsonText(dialect, 'contacts.custom_fields', kind.header)
    : raw(`contacts.${(kind as { column: string }).column}`)
}

function textCondition(expr: Fragment, op: string, values: Scalar[], dialect: SqlDialect) {
  const text = sql`COALESCE(LOWER(${expr}), '')`
  const [first] = values
  switch (op) {
    case 'eq':
    case 'neq':
      return sql`${text} = LOWER(${String(first)})`
    case 'in':
    case 'notIn':
      return sql`${text} IN (${join(
        values.map((item) => sql`LOWER(${String(item)})`),
        ', '
      )})`
    case 'contains':
      return sql`${text} LIKE LOWER(${`%${escapeLike(String(first))}%`}) ESCAPE '!'`
    case 'exists':
      return sql`COALESCE(${expr}, '') <> ''`
    default: {
      const comparison = raw(op === 'gt' ? '>' : '<')
      if (NUMBER.test(String(first))) {
        return sql`(${looksNumeric(dialect, expr)} AND ${asNumber(dialect, expr)} ${comparison} ${Number(first)})`
      }
      return sql`LOWER(${expr}) ${comparison} LOWER(${String(first)})`
    }
  }
}

/**
 * Membership of one of the named lists or tags (by id or by name), or of
 * any at all when `values` is null.
 */
function membership(kind: 'list' | 'tag', values: Scalar[] | null, organizationId: number) {
  const [pivot, foreignKey, table] =
    kind === 'list'
      ? (['contact_list_members', 'contact_list_id', 'contact_lists'] as const)
      : (['contact_tags', 'tag_id', 'tags'] as const)
  const owners = referencedIds(table, values, organizationId)
  return sql`contacts.id IN (SELECT m.contact_id FROM ${raw(pivot)} m WHERE m.${raw(foreignKey)} IN (${owners}))`
}
