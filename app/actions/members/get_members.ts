import type { Infer } from '@vinejs/vine/types'
import Membership from '#models/membership'
import type { memberFiltersValidator } from '#validators/member'

type Filters = Omit<Infer<typeof memberFiltersValidator>, 'page' | 'perPage'>

/** A page of the organization's memberships, oldest first, each with its person. */
export default class GetMembers {
  static async handle({
    organizationId,
    filters,
    page,
    perPage,
  }: {
    organizationId: number
    filters: Filters
    page: number
    perPage: number
  }) {
    const result = await Membership.forOrganization(organizationId)
      .if(filters.role, (query) => query.where('role', filters.role!))
      .if(filters.status, (query) => query.where('status', filters.status!))
      .preload('user')
      .orderBy('id')
      .paginate(page, perPage)
    return { total: result.total, members: result.all() }
  }
}
