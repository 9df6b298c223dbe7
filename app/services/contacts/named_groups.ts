import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type ContactList from '#models/contact_list'
import Tag from '#models/tag'

/**
 * Lists or tags by name, whatever the case (names are unique that way in an
 * organization), made when missing. Returns the id of each name as written,
 * lower-cased.
 */
export async function idsByName(
  trx: TransactionClientContract,
  model: typeof ContactList | typeof Tag,
  organizationId: number,
  names: string[]
) {
  const ids = new Map<string, number>()
  const wanted = new Map(names.map((name) => [name.toLowerCase(), name]))
  if (!wanted.size) return ids
  const keys = [...wanted.keys()]
  const found = await model
    .forOrganization(organizationId)
    .useTransaction(trx)
    .whereRaw(`LOWER(name) IN (${keys.map(() => '?').join(',')})`, keys)
    .select('id', 'name')
  for (const row of found) ids.set(row.name.toLowerCase(), row.id)
  for (const [key, name] of wanted) {
    if (ids.has(key)) continue
    const made = await model.create({ organizationId, name }, { client: trx })
    ids.set(key, made.id)
  }
  return ids
}

/** Pairs per statement: well under both databases' limits on bound values. */
const STATEMENT_PAIRS = 500

/**
 * Puts contacts in lists or tags (pairs of contact and list/tag id), a
 * multi-row statement per 500 pairs; pairs already there stay once.
 */
export async function addMemberships(
  trx: TransactionClientContract,
  model: typeof ContactList | typeof Tag,
  pairs: { contactId: number; groupId: number }[]
) {
  const [table, key] =
    model === Tag ? ['contact_tags', 'tag_id'] : ['contact_list_members', 'contact_list_id']
  const insertIgnore = trx.dialect.name === 'mysql' ? 'INSERT IGNORE' : 'INSERT OR IGNORE'
  for (let start = 0; start < pairs.length; start += STATEMENT_PAIRS) {
    const chunk = pairs.slice(start, start + STATEMENT_PAIRS)
    await trx.rawQuery(
      `${insertIgnore} INTO ${table} (contact_id, ${key}) VALUES ${chunk.map(() => '(?, ?)').join(',')}`,
      chunk.flatMap((pair) => [pair.contactId, pair.groupId])
    )
  }
}
