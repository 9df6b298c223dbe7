import { type Scalar } from '#services/segments/definition'
import { join, list, raw, sql } from '#services/db/sql'

/**
 * `SELECT r.id` of the organization's lists or tags named by id or by name,
 * or of all of them when `values` is null: the inside of an uncorrelated
 * `IN (subquery)`.
 */
export function referencedIds(
  table: 'contact_lists' | 'tags',
  values: Scalar[] | null,
  organizationId: number
) {
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
  return sql`SELECT r.id FROM ${raw(table)} r WHERE r.organization_id = ${organizationId}${which}`
}
