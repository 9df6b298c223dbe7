import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import Membership from '#models/membership'
import { enterOrganization } from '#services/organization_context'

export const CURRENT_ORGANIZATION_KEY = 'organizationId'

/**
 * Web pages act inside the organization chosen in the session (the org
 * switcher), falling back to the user's first active membership. A pending
 * member only sees the waiting page; someone with no organization is asked
 * to create one.
 */
export default class OrganizationMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { allowPending?: boolean } = {}) {
    const user = ctx.auth.use('web').getUserOrFail()
    const memberships = await Membership.query()
      .where('user_id', user.id)
      .whereNot('status', 'suspended')
      .preload('organization')
      .orderBy('id')

    const chosen = ctx.session.get(CURRENT_ORGANIZATION_KEY)
    const membership =
      memberships.find((m) => m.organizationId === chosen) ??
      memberships.find((m) => m.isActive) ??
      memberships[0]

    if (!membership) {
      return ctx.response.redirect().toRoute('organizations.create')
    }
    if (!membership.isActive && !options.allowPending) {
      return ctx.response.redirect().toRoute('waiting.show')
    }

    membership.$setRelated('user', user)
    enterOrganization(ctx, membership)
    ctx.otherMemberships = memberships.filter((m) => m.id !== membership.id)
    return next()
  }
}

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    otherMemberships?: Membership[]
  }
}
