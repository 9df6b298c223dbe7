import type { HttpContext } from '@adonisjs/core/http'
import type Organization from '#models/organization'
import UpdateOrganization from '#actions/organizations/update_organization'
import OrganizationTransformer from '#transformers/organization_transformer'
import { updateOrganizationValidator } from '#validators/organization'

/**
 * The plain object, not `OrganizationTransformer.transform()`: the HTTP
 * response would serialize that lazy resource as-is instead of resolving it.
 */
function present(organization: Organization) {
  return new OrganizationTransformer(organization).toObject()
}

export default class OrganizationController {
  async show({ organization }: HttpContext) {
    return present(organization)
  }

  async update({ request, organization, membership, bouncer }: HttpContext) {
    await bouncer.with('OrganizationPolicy').authorize('update')
    const data = await request.validateUsing(updateOrganizationValidator)
    await UpdateOrganization.handle({ organization, actor: membership, data })
    return present(organization)
  }
}
