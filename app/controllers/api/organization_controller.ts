import type { HttpContext } from '@adonisjs/core/http'
import UpdateOrganization from '#actions/organizations/update_organization'
import OrganizationTransformer from '#transformers/organization_transformer'
import { updateOrganizationValidator } from '#validators/organization'

export default class OrganizationController {
  async show({ organization }: HttpContext) {
    return OrganizationTransformer.transform(organization)
  }

  async update({ request, organization, membership, bouncer }: HttpContext) {
    await bouncer.with('OrganizationPolicy').authorize('update')
    const data = await request.validateUsing(updateOrganizationValidator)
    await UpdateOrganization.handle({ organization, actor: membership, data })
    return OrganizationTransformer.transform(organization)
  }
}
