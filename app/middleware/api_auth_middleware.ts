import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { errors as authErrors } from '@adonisjs/auth'
import { enterOrganization } from '#services/organizations/context'

/**
 * The API acts as the membership its bearer token belongs to. A suspended
 * or pending membership's tokens stop working until it is active again.
 */
export default class ApiAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const membership = await ctx.auth.use('api').authenticate()
    if (!membership.isActive) {
      throw new authErrors.E_UNAUTHORIZED_ACCESS('Unauthorized access', { guardDriverName: 'api' })
    }
    await membership.load('organization')
    await membership.load('user')
    enterOrganization(ctx, membership)
    return next()
  }
}
