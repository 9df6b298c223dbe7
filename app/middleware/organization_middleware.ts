import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type Membership from '#models/membership'
import { enterOrganization, membershipsOfMember } from '#services/organizations/context'
import { mustEnrolTwoFactor } from '#services/auth/two_factor/requirement'

export const CURRENT_ORGANIZATION_KEY = 'organizationId'

/**
 * Web pages act inside the organization chosen in the session (the org
 * switcher), falling back to the user's first active membership. A pending
 * member only sees the waiting page; someone with no organization is asked
 * to create one; an admin or owner of an organization requiring two-factor
 * sign-in is sent to set it up.
 */
export default class OrganizationMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { allowPending?: boolean } = {}) {
    const user = ctx.auth.use('web').getUserOrFail()
    const { current: membership, memberships } = await membershipsOfMember(
      user,
      ctx.session.get(CURRENT_ORGANIZATION_KEY)
    )

    if (!membership) {
      return ctx.response.redirect().toRoute('organizations.create')
    }
    if (!membership.isActive && !options.allowPending) {
      return ctx.response.redirect().toRoute('waiting.show')
    }
    if (mustEnrolTwoFactor(membership, user)) {
      ctx.session.flash('error', ctx.i18n.t('flash.auth.twoFactorRequired'))
      return ctx.response.redirect().toRoute('two_factor.show')
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
