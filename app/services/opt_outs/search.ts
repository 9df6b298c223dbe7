import OptOut from '#models/opt_out'
import { phoneSearchTerms } from '#services/contacts/phone_numbers'

/**
 * The organization's opt-outs, newest first, with the name of whoever
 * recorded each (`$extras.recorded_by`). `phone` is a whole phone or its
 * beginning, in any format; text that cannot be part of a phone matches nothing.
 */
export function searchOptOuts(organizationId: number, phone?: string) {
  const query = OptOut.forOrganization(organizationId)
    .leftJoin('users', 'users.id', 'opt_outs.created_by_id')
    .select('opt_outs.*', 'users.full_name as recorded_by')
    .orderBy('opt_outs.id', 'desc')
  const text = phone?.trim()
  if (!text) return query

  const terms = phoneSearchTerms(text)
  if (!terms) return query.whereRaw('1 = 0')
  if ('exact' in terms) return query.where('opt_outs.phone', terms.exact)
  return query.where((ranges) => {
    for (const prefix of terms.prefixes) {
      ranges.orWhere((range) =>
        range.where('opt_outs.phone', '>=', prefix).where('opt_outs.phone', '<', `${prefix}:`)
      )
    }
  })
}
