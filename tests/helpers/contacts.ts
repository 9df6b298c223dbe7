import Contact from '#models/contact'
import ContactList from '#models/contact_list'
import Tag from '#models/tag'
import OptOut from '#models/opt_out'
import type { Role } from '#models/membership'
import { createMember } from '#tests/helpers/members'

let nextNumber = 2025550100

/**
 * A contact of `organizationId` with a fresh US phone, plus the given lists
 * and tags (by model) and any other column.
 */
export async function createContact(
  organizationId: number,
  attributes: Omit<Partial<Contact>, 'lists' | 'tags'> & {
    lists?: ContactList[]
    tags?: Tag[]
  } = {}
) {
  const { lists = [], tags = [], ...columns } = attributes
  const contact = await Contact.create({
    organizationId,
    phone: `+1${nextNumber++}`,
    customFields: {},
    unknownSender: false,
    ...columns,
  })
  if (lists.length) await contact.related('lists').attach(lists.map((list) => list.id))
  if (tags.length) await contact.related('tags').attach(tags.map((tag) => tag.id))
  return contact
}

export function createList(organizationId: number, name: string) {
  return ContactList.create({ organizationId, name })
}

export function createTag(organizationId: number, name: string) {
  return Tag.create({ organizationId, name })
}

/**
 * A member of a new organization that has a list “Canvass” and a tag
 * “donor”: where most contact and segment tests start.
 */
export async function memberWithListAndTag(role: Role) {
  const member = await createMember(role)
  const org = member.organizationId
  return {
    member,
    org,
    canvass: await createList(org, 'Canvass'),
    donor: await createTag(org, 'donor'),
  }
}

export function optOut(organizationId: number, phone: string, reason = 'asked by text') {
  return OptOut.create({ organizationId, phone, reason, source: 'keyword' })
}
