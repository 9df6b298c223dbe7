import ContactList from '#models/contact_list'
import type Membership from '#models/membership'
import { assertNameFree } from '#services/db/unique_name'

type Params = { actor: Membership; name: string }

/**
 * A list built by hand (imports make their own).
 */
export default class CreateList {
  static async handle({ actor, name }: Params) {
    await assertNameFree(ContactList, actor.organizationId, name)
    return ContactList.create({ organizationId: actor.organizationId, name })
  }
}
