import type { HttpContext } from '@adonisjs/core/http'
import CompleteSetup from '#actions/organizations/complete_setup'
import GetOrganizationOverview from '#actions/organizations/get_organization_overview'
import { CURRENT_ORGANIZATION_KEY } from '#middleware/organization_middleware'
import { homeRouteOf } from '#services/organizations/context'

export default class DashboardController {
  /**
   * "/" is the setup page on a fresh instance, the sign-in page for visitors,
   * and the member's home: the overview for organizers, the texting page for texters.
   */
  async index({ auth, response, session }: HttpContext) {
    if (await CompleteSetup.isNeeded()) return response.redirect().toRoute('setup.create')
    if (!auth.isAuthenticated) return response.redirect().toRoute('session.create')
    const user = auth.use('web').getUserOrFail()
    return response
      .redirect()
      .toRoute(await homeRouteOf(user.id, session.get(CURRENT_ORGANIZATION_KEY)))
  }

  /** The overview is organizer data; a texter who opens it lands on their texting page. */
  async show({ inertia, membership, response }: HttpContext) {
    if (membership.homeRoute !== 'dashboard') {
      return response.redirect().toRoute(membership.homeRoute)
    }
    return inertia.render('dashboard', await GetOrganizationOverview.handle(membership))
  }
}
