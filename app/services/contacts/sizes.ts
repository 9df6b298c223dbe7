import db from '@adonisjs/lucid/services/db'
import ContactList from '#models/contact_list'
import Tag from '#models/tag'

export type ListWithSize = { id: number; name: string; size: number }

/**
 * The organization's lists (or the given ones), each with how many contacts
 * it holds, read from the membership index in one grouped query.
 */
export async function listsWithSizes(organizationId: number, only?: ContactList[]) {
  const lists = only ?? (await ContactList.forOrganization(organizationId).orderBy('name'))
  if (!lists.length) return []
  const counts = await db
    .from('contact_list_members')
    .whereIn(
      'contact_list_id',
      lists.map((list) => list.id)
    )
    .groupBy('contact_list_id')
    .select('contact_list_id')
    .count('* as size')
  const sizes = new Map(counts.map((row) => [row.contact_list_id, Number(row.size)]))
  return lists.map((list) => ({ id: list.id, name: list.name, size: sizes.get(list.id) ?? 0 }))
}

/** The organization's tags, each with how many contacts carry it and whether it escalates. */
export async function tagsWithCounts(organizationId: number) {
  const tags = await Tag.forOrganization(organizationId).orderBy('name')
  if (!tags.length) return []
  const counts = await db
    .from('contact_tags')
    .whereIn(
      'tag_id',
      tags.map((tag) => tag.id)
    )
    .groupBy('tag_id')
    .select('tag_id')
    .count('* as contacts')
  const byTag = new Map(counts.map((row) => [row.tag_id, Number(row.contacts)]))
  return tags.map((tag) => ({
    id: tag.id,
    name: tag.name,
    escalates: tag.escalates,
    contacts: byTag.get(tag.id) ?? 0,
  }))
}
