import {
  type Fragment,
  type SqlDialect,
  asNumber,
  escapeLike,
  join,
  jsonText,
  list,
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
 * - an empty group places no restriction.
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
  const parts = childrenOf(node).map((child) => compileNode(child, context))
  if (parts.length === 0) return MATCH_ALL
  return sql`(${join(parts, 'all' in node ? ' AND ' : ' OR ')})`
}

function compileCondition({ field, op, value }: SegmentCondition, context: Context) {
  const { dialect, organizationId } = context
  const kind = fieldKind(field) as FieldKind
  if (kind.kind === 'optedOut') {
    const optedOut = sql`contacts.phone IN (SELECT oo.phone FROM opt_outs oo WHERE oo.organization_id = ${organizationId})`
    return (op === 'eq') === value ? optedOut : sql`NOT (${optedOut})`
  }

  // Negative operators are the complement of their positive twin.
  const negated = op === 'neq' || op === 'notIn' || (op === 'exists' && value === false)
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
      ? ['contact_list_members', 'contact_list_id', 'contact_lists']
      : ['contact_tags', 'tag_id', 'tags']
  const ids = (values ?? []).filter((item) => typeof item === 'number')
  const names = (values ?? []).filter((item) => typeof item === 'string')
  const which = values
    ? sql` AND (${join(
        [
          ...(ids.length ? [sql`r.id IN (${list(ids)})`] : []),
          ...(names.length ? [sql`r.name IN (${list(names)})`] : []),
        ],
        ' OR '
      )})`
    : raw('')
  const owners = sql`SELECT r.id FROM ${raw(table)} r WHERE r.organization_id = ${organizationId}${which}`
  return sql`contacts.id IN (SELECT m.contact_id FROM ${raw(pivot)} m WHERE m.${raw(foreignKey)} IN (${owners}))`
}
