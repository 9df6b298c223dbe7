import Tag from '#models/tag'
import { assertNameFree } from '#services/db/unique_name'

export default class RenameTag {
  static async handle({ tag, name }: { tag: Tag; name: string }) {
    await assertNameFree(Tag, tag.organizationId, name, tag.id)
    tag.name = name
    await tag.save()
    return tag
  }
}
