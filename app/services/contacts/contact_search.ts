import db from '@adonisjs/lucid/services/db'
import Contact from '#models/contact'
import OptOut from '#models/opt_out'
import Tag from '#models/tag'
import { phoneSearchTerms, toE164 } from '#services/contacts/phone_numbers'
import { type SqlDialect, dialectOf, join, sql, startsWithIgnoringCase } from '#services/db/sql'
import { readRows } from '#services/db/read_pool'

export type ContactFilters = {
  /** What someone typed in the search box: part of a name, or part of a phone in any format. */
  search?: string
  /** One whole phone, any format. */
  phone?: string
  listId?: number
  /** A tag's id, or its name (the API's `?tag=`). */
  tag?: number | string
  /** Only opted-out contacts (true), only textable ones (false), or both. */
  optedOut?: boolean
}

export type ContactPage = {
  contacts: Contact[]
  /** Phones on the opt-out list among this page's contacts. */
  optedOut: Set<string>
  total: number
  /** True when there are more than `total` matches (the count stopped at the cap). */
  totalIsCapped: boolean
}

/**
 * The organization's contacts (never erased ones) matching the filters,
 * newest first. Written so each filter is answered from an index at a
 * million rows: a list or tag filter walks that membership index in contact
 * order, names and phones are prefix ranges over their own indexes.
 */
export function searchContacts(
  organizationId: number,
  filters: Omit<ContactFilters, 'tag'> & { tagId?: number }
) {
  const query = Contact.forOrganization(organizationId)
    .whereNull('contacts.erased_at')
    .select('contacts.*')
  const dialect = dialectOf(query.client)
  let order = 'contacts.id'

  if (filters.listId !== undefined) {
    query
      .join('contact_list_members as clm', 'clm.contact_id', 'contacts.id')
      .where('clm.contact_list_id', filters.listId)
    order = 'clm.contact_id'
  }

  const { tagId } = filters
  if (tagId !== undefined) {
    if (order === 'contacts.id') {
      query.join('contact_tags as ct', 'ct.contact_id', 'contacts.id').where('ct.tag_id', tagId)
      order = 'ct.contact_id'
    } else {
      query.whereExists((sub) => {
        sub
          .from('contact_tags')
          .whereColumn('contact_tags.contact_id', 'contacts.id')
          .where('contact_tags.tag_id', tagId)
      })
    }
  }

  if (filters.optedOut !== undefined) {
    // Driven from the (short) opt-out list by phone, not probed per contact.
    const optedOut = db
      .from('opt_outs')
      .where('opt_outs.organization_id', organizationId)
      .select('opt_outs.phone')
    if (filters.optedOut) query.whereIn('contacts.phone', optedOut)
    else query.whereNotIn('contacts.phone', optedOut)
  }

  if (filters.phone !== undefined) {
    query.where('contacts.phone', toE164(filters.phone) ?? '')
  }

  const search = filters.search?.trim()
  if (search) {
    const condition = searchCondition(dialect, search)
    query.whereRaw(condition.sql, condition.bindings as never[])
  }

  return query.orderBy(order, 'desc')
}

/**
 * A page of matches. The total is counted up to `countCap` matches at most
 * (null: exactly), so a search as you type never counts a million rows.
 * The count and the page's ids are read through the read pool (a filter too
 * slow to answer is stopped there); the page's contacts and tags are then
 * read by id.
 */
export async function pageOfContacts(
  organizationId: number,
  filters: ContactFilters,
  { page, perPage, countCap }: { page: number; perPage: number; countCap: number | null }
): Promise<ContactPage> {
  const { tag, ...rest } = filters
  const tagId = tag === undefined ? undefined : await tagIdOf(organizationId, tag)
  const query = searchContacts(organizationId, { ...rest, tagId })
  const counted = query.clone().clearSelect().clearOrder().select('contacts.id')
  if (countCap !== null) counted.limit(countCap + 1)
  const [{ total }] = await readRows(
    db.connection(query.client.connectionName).from(counted.as('matches')).count('* as total')
  )
  const ids = await readRows<{ id: number }>(
    query
      .clearSelect()
      .select('contacts.id')
      .offset((page - 1) * perPage)
      .limit(perPage)
  )
  const contacts = ids.length
    ? await Contact.forOrganization(organizationId)
        .whereIn(
          'id',
          ids.map((row) => row.id)
        )
        .orderBy('id', 'desc')
        .preload('tags', (tags) => tags.orderBy('name'))
    : []
  const matches = Number(total)
  return {
    contacts,
    optedOut: await optedOutAmong(organizationId, contacts),
    total: countCap !== null ? Math.min(matches, countCap) : matches,
    totalIsCapped: countCap !== null && matches > countCap,
  }
}

/** Which of these contacts' phones are on the organization's opt-out list. */
export async function optedOutAmong(organizationId: number, contacts: Contact[]) {
  if (!contacts.length) return new Set<string>()
  const rows = await OptOut.forOrganization(organizationId)
    .whereIn(
      'phone',
      contacts.map((contact) => contact.phone)
    )
    .select('phone')
  return new Set(rows.map((row) => row.phone))
}

/**
 * A phone when the text reads as one (whole or its beginning), else the
 * beginning of a first or last name; "ann le" also finds Ann Lee.
 */
function searchCondition(dialect: SqlDialect, search: string) {
  const terms = phoneSearchTerms(search)
  if (terms && 'exact' in terms) return sql`contacts.phone = ${terms.exact}`
  if (terms) {
    return sql`(${join(
      terms.prefixes.map(
        (prefix) => sql`(contacts.phone >= ${prefix} AND contacts.phone < ${`${prefix}:`})`
      ),
      ' OR '
    )})`
  }

  const first = (text: string) => startsWithIgnoringCase(dialect, 'contacts.first_name', text)
  const last = (text: string) => startsWithIgnoringCase(dialect, 'contacts.last_name', text)
  const words = search.split(/\s+/)
  const alternatives = [first(search), last(search)]
  if (words.length > 1) {
    alternatives.push(sql`(${first(words[0])} AND ${last(words.slice(1).join(' '))})`)
  }
  return sql`(${join(alternatives, ' OR ')})`
}

/** A tag filter by id or name; a name the organization lacks matches nothing. */
async function tagIdOf(organizationId: number, tag: number | string) {
  if (typeof tag === 'number') return tag
  const found = await Tag.forOrganization(organizationId).where('name', tag).select('id').first()
  return found?.id ?? 0
}
