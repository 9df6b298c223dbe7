import type { HttpContext } from '@adonisjs/core/http'
import CompleteSetup from '#actions/organizations/complete_setup'
import GetOrganizationOverview from '#actions/organizations/get_organization_overview'

export default class DashboardController {
  /**
   * "/" is the setup page on a fresh instance, the sign-in page for visitors,
   * and the organization's overview for members.
   */
  async index({ auth, response }: HttpContext) {
    if (await CompleteSetup.isNeeded()) return response.redirect().toRoute('setup.create')
    if (!auth.isAuthenticated) return response.redirect().toRoute('session.create')
    return response.redirect().toRoute('dashboard')
  }

  async show({ inertia, membership }: HttpContext) {
    return inertia.render('dashboard', await GetOrganizationOverview.handle(membership))
  }
}
