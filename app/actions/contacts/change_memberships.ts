import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import Contact from '#models/contact'
import ContactList from '#models/contact_list'
import type Membership from '#models/membership'
import Tag from '#models/tag'
import type { bulkMembershipValidator } from '#validators/contact'

type Params = { actor: Membership; data: Infer<typeof bulkMembershipValidator> }

/**
 * Puts the contacts chosen in the table on a list or a tag, or takes them
 * off. Contacts of other organizations and erased ones are left alone; a
 * list or tag of another organization is not found. Returns how many
 * contacts were chosen and acted on.
 */
export default class ChangeMemberships {
  static async handle({ actor, data }: Params) {
    const organizationId = actor.organizationId
    const [table, key, targetId] = data.listId
      ? ['contact_list_members', 'contact_list_id', data.listId]
      : ['contact_tags', 'tag_id', data.tagId!]
    const target = await (data.listId ? ContactList : Tag).findForOrganizationOrFail(
      organizationId,
      targetId
    )

    const contacts = await Contact.forOrganization(organizationId)
      .whereIn('id', data.contactIds)
      .whereNull('erased_at')
      .select('id')
    const ids = contacts.map((contact) => contact.id)
    if (!ids.length) return { target, count: 0 }

    if (data.action === 'add') {
      await db
        .knexQuery()
        .table(table)
        .insert(ids.map((id) => ({ contact_id: id, [key]: target.id })))
        .onConflict(['contact_id', key])
        .ignore()
    } else {
      await db.from(table).where(key, target.id).whereIn('contact_id', ids).delete()
    }
    return { target, count: ids.length }
  }
}
