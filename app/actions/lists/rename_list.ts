import ContactList from '#models/contact_list'
import { assertNameFree } from '#services/db/unique_name'

export default class RenameList {
  static async handle({ list, name }: { list: ContactList; name: string }) {
    await assertNameFree(ContactList, list.organizationId, name, list.id)
    list.name = name
    await list.save()
    return list
  }
}
