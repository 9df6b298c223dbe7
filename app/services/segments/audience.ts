import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Contact from '#models/contact'
import { dialectOf } from '#services/db/sql'
import { compileSegment } from '#services/segments/compiler'
import { readCount } from '#services/db/read_pool'
import type { SegmentGroup } from '#services/segments/definition'

/**
 * The organization's contacts a (checked) definition selects. Erased
 * contacts are never part of an audience. Opted-out contacts are, unless the
 * definition says otherwise: sending re-checks the opt-out list anyway.
 */
export function segmentContacts(
  organizationId: number,
  definition: SegmentGroup,
  trx?: TransactionClientContract
) {
  const query = Contact.forOrganization(organizationId).whereNull('contacts.erased_at')
  if (trx) query.useTransaction(trx)
  const condition = compileSegment(definition, { dialect: dialectOf(query.client), organizationId })
  return query.whereRaw(condition.sql, condition.bindings as never[])
}

/**
 * How many contacts the definition selects right now, counted through the
 * read pool: a heavy definition is stopped at the time limit (SlowReadException).
 */
export function countSegment(
  organizationId: number,
  definition: SegmentGroup,
  trx?: TransactionClientContract
) {
  return readCount(segmentContacts(organizationId, definition, trx))
}
