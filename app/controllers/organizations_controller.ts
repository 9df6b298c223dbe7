import type { HttpContext } from '@adonisjs/core/http'
import Membership from '#models/membership'
import CreateOrganization from '#actions/organizations/create_organization'
import { organizationNameValidator } from '#validators/organization'
import { CURRENT_ORGANIZATION_KEY } from '#middleware/organization_middleware'

export default class OrganizationsController {
  async create({ inertia }: HttpContext) {
    return inertia.render('organizations/create', {})
  }

  async store({ request, response, auth, session, i18n }: HttpContext) {
    const { name } = await request.validateUsing(organizationNameValidator)
    const organization = await CreateOrganization.handle({
      name,
      owner: auth.use('web').getUserOrFail(),
    })
    session.put(CURRENT_ORGANIZATION_KEY, organization.id)
    session.flash(
      'success',
      i18n.t('flash.organizations.ready', { organization: organization.name })
    )
    return response.redirect().toRoute('dashboard')
  }

  /**
   * The org switcher. Only an organization the user belongs to can be chosen.
   */
  async switch({ params, response, auth, session }: HttpContext) {
    const membership = await Membership.query()
      .where('user_id', auth.use('web').getUserOrFail().id)
      .where('organization_id', params.id)
      .whereNot('status', 'suspended')
      .firstOrFail()
    session.put(CURRENT_ORGANIZATION_KEY, membership.organizationId)
    return response.redirect().toRoute(membership.homeRoute)
  }
}
