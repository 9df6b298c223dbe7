import type { HttpContext } from '@adonisjs/core/http'
import type User from '#models/user'
import { CURRENT_ORGANIZATION_KEY } from '#middleware/organization_middleware'
import { homeRouteOf } from '#services/organizations/context'
import { auditSignIn } from '#services/auth/account_audit'

/** Signs `user` in (every factor checked), audits it, and sends them home. */
export async function completeSignIn(
  { auth, request, response, session }: HttpContext,
  user: User
) {
  await auth.use('web').login(user)
  await auditSignIn({ userId: user.id, email: user.email, ip: request.ip() }, true)
  return response
    .redirect()
    .toRoute(await homeRouteOf(user.id, session.get(CURRENT_ORGANIZATION_KEY)))
}
