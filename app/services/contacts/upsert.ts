import db from '@adonisjs/lucid/services/db'
import { errors } from '@vinejs/vine'
import type { CountryCode } from 'libphonenumber-js'
import ContactList from '#models/contact_list'
import Tag from '#models/tag'
import { writeBatch } from '#services/importer/contact_writer'
import { normalizeContact, type ContactDraft } from '#services/importer/normalize'
import { addMemberships, idsByName } from '#services/contacts/named_groups'
import { upsertContactItemValidator, type UpsertContactItem } from '#validators/contact'

export type UpsertStatus = 'created' | 'updated' | 'invalid' | 'duplicate' | 'opted_out'
type FieldError = { field: string; message: string }
export type UpsertResult = {
  index: number
  status: UpsertStatus
  id?: number
  errors?: FieldError[]
}

/** What one item asks for once checked: its contact values and the lists and tags it names. */
type Accepted = { draft: ContactDraft; lists: string[]; tags: string[] }

/**
 * Contacts in by API, counted as an import counts its rows (API.md "Import
 * counts"): each item is created, updated, invalid, duplicate (its phone
 * came earlier in the request) or opted out (left as it is). Items are
 * checked one by one so a bad one never stops the others; the good ones go
 * through the importer's writer in one transaction. Sending the same items
 * again changes nothing and answers `updated`.
 */
export async function upsertContacts(
  organizationId: number,
  region: CountryCode,
  items: unknown[]
) {
  const results: UpsertResult[] = []
  const accepted: Accepted[] = []
  const firstIndex = new Map<string, number>()

  for (const [index, item] of items.entries()) {
    const checked = await check(index, item, region)
    if ('errors' in checked) {
      results.push({ index, status: 'invalid', errors: checked.errors })
      continue
    }
    const first = firstIndex.get(checked.draft.phone)
    if (first !== undefined) {
      const message = `Same phone number as item ${first}; item ${first} was kept`
      results.push({ index, status: 'duplicate', errors: [{ field: 'phone', message }] })
      continue
    }
    firstIndex.set(checked.draft.phone, index)
    accepted.push(checked)
  }

  const written = await db.transaction(async (trx) => {
    const drafts = accepted.map((item) => item.draft)
    const batch = await writeBatch(trx, organizationId, null, drafts, 'api')
    const optedOut = new Set(batch.optedOut.map((draft) => draft.phone))
    const saved = accepted.filter((item) => !optedOut.has(item.draft.phone))
    const ids = await idsByPhone(
      trx,
      organizationId,
      saved.map((item) => item.draft.phone)
    )

    for (const [model, key] of [
      [ContactList, 'lists'],
      [Tag, 'tags'],
    ] as const) {
      const groupIds = await idsByName(
        trx,
        model,
        organizationId,
        saved.flatMap((item) => item[key])
      )
      const pairs = saved.flatMap((item) =>
        item[key].map((name) => ({
          contactId: ids.get(item.draft.phone)!,
          groupId: groupIds.get(name.toLowerCase())!,
        }))
      )
      await addMemberships(trx, model, pairs)
    }
    return { batch, optedOut, ids }
  })

  for (const { draft } of accepted) {
    const index = draft.row
    if (written.optedOut.has(draft.phone)) {
      results.push({ index, status: 'opted_out' })
    } else {
      const status = written.batch.known.has(draft.phone) ? 'updated' : 'created'
      results.push({ index, status, id: written.ids.get(draft.phone) })
    }
  }
  results.sort((a, b) => a.index - b.index)
  const count = (status: UpsertStatus) => results.filter((r) => r.status === status).length
  return {
    results,
    created: count('created'),
    updated: count('updated'),
    invalid: count('invalid'),
    duplicates: count('duplicate'),
    optedOut: count('opted_out'),
  }
}

/** The item's normalized values, or why it cannot be a contact. */
async function check(
  index: number,
  item: unknown,
  region: CountryCode
): Promise<Accepted | { errors: FieldError[] }> {
  let data: UpsertContactItem
  try {
    data = await upsertContactItemValidator.validate(item)
  } catch (error) {
    if (!(error instanceof errors.E_VALIDATION_ERROR)) throw error
    const messages = error.messages as FieldError[]
    return { errors: messages.map(({ field, message }) => ({ field, message })) }
  }
  const draft = normalizeContact(index, data, region)
  if ('message' in draft) return { errors: [{ field: draft.field, message: draft.message }] }
  return { draft, lists: data.lists ?? [], tags: data.tags ?? [] }
}

async function idsByPhone(
  trx: Parameters<typeof writeBatch>[0],
  organizationId: number,
  phones: string[]
) {
  const ids = new Map<string, number>()
  if (!phones.length) return ids
  const rows: { id: number; phone: string }[] = await trx
    .from('contacts')
    .where('organization_id', organizationId)
    .whereIn('phone', phones)
    .select('id', 'phone')
  for (const row of rows) ids.set(row.phone, row.id)
  return ids
}
