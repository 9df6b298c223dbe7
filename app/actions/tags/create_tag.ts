import type Membership from '#models/membership'
import Tag from '#models/tag'
import { assertNameFree } from '#services/db/unique_name'

export default class CreateTag {
  static async handle({ actor, name }: { actor: Membership; name: string }) {
    await assertNameFree(Tag, actor.organizationId, name)
    return Tag.create({ organizationId: actor.organizationId, name })
  }
}
