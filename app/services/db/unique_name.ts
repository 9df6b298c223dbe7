import { refusedField } from '#exceptions/worded_issues'
import type ContactList from '#models/contact_list'
import Tag from '#models/tag'

/**
 * List and tag names are unique in an organization, whatever their case:
 * people (and imports) pick them by name. Refuses a taken name as a
 * validation error on `name` (422 on the API, a field message on pages).
 */
export async function assertNameFree(
  model: typeof ContactList | typeof Tag,
  organizationId: number,
  name: string,
  exceptId?: number
) {
  const clash = await model
    .forOrganization(organizationId)
    .whereRaw('LOWER(name) = LOWER(?)', [name])
    .if(exceptId, (query) => query.whereNot('id', exceptId!))
    .first()
  if (clash) {
    throw refusedField('name', 'unique', 'refusals.fields.nameTaken', {
      kind: model === Tag ? 'tag' : 'list',
      name: clash.name,
    })
  }
}
